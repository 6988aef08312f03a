import * as os from 'node:os';

/**
 * The machine a run measured on, printed at the top and stored with the results.
 *
 * @example
 * ```ts
 * const m = machineInfo(); // { node: 'v20.20.2', platform: 'linux x64', cpus: 2, cpuModel: '…', memoryGb: 8, loadAverage1m: 0.4 }
 * ```
 */
export interface MachineInfo {
  node: string;
  platform: string;
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  /** 1-minute load average when the run started: above the core count, other work competes. */
  loadAverage1m: number;
}

/**
 * Describes this machine.
 *
 * @example
 * ```ts
 * console.log(describeMachine(machineInfo())); // 'node v20.20.2, linux x64, 2 × Intel(R) Xeon(R) …, 8 GB; load average 0.4'
 * ```
 */
export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverage1m: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}

/**
 * One line for the report header.
 *
 * @example
 * ```ts
 * describeMachine(machineInfo());
 * ```
 */
export function describeMachine(m: MachineInfo): string {
  const busy = m.loadAverage1m >= m.cpus ? ' (busy: other processes compete for the cores, expect lower and noisier figures)' : '';
  return `node ${m.node}, ${m.platform}, ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB; load average ${m.loadAverage1m}${busy}`;
}
