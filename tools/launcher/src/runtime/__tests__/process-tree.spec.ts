import { spawn } from 'node:child_process';
import { processTree, proportionalBytes, residentBytes, treeResidentBytes } from '../process-tree';

describe('process tree memory', () => {
  it('finds children and grandchildren and sums their resident memory', async () => {
    // A child that starts a grandchild, then both idle.
    const child = spawn(process.execPath, ['-e', "require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'inherit' }); console.log('up'); setInterval(() => {}, 1000)"], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise((resolve) => child.stdout.once('data', resolve));
      for (let attempt = 0; attempt < 50 && processTree(child.pid as number).length < 2; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const tree = processTree(process.pid);
      expect(tree[0]).toBe(process.pid);
      expect(tree).toContain(child.pid);
      const mine = processTree(child.pid as number);
      expect(mine).toHaveLength(2);
      expect(mine[0]).toBe(child.pid);
      const { totalBytes, processes } = treeResidentBytes(child.pid as number);
      expect(processes).toBe(2);
      expect(totalBytes).toBeGreaterThan(2 * 10 * 1024 * 1024); // two node processes, >10 MB each
      expect(residentBytes(999999999)).toBe(0);
      const pss = proportionalBytes(child.pid as number);
      expect(pss).toBeGreaterThan(0);
      expect(pss).toBeLessThanOrEqual(residentBytes(child.pid as number) * 1.1);
    } finally {
      for (const pid of processTree(child.pid as number).reverse()) process.kill(pid, 'SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});
