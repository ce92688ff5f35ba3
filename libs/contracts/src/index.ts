export const hello = "contracts";
