/** Demo customers the services seed (DEMO_DATA=true): their payment method on file decides the outcome. */
export const PAYING_CUSTOMER_ID = '8080'; // sandbox card 4242 4242 4242 4242: charged
export const DECLINED_CUSTOMER_ID = process.env.E2E_DECLINED_CUSTOMER_ID ?? '8081'; // 4000 0000 0000 0002: card_declined
