/**
 * The local Prometheus as `npm start` runs it: on by default, off on request, absent without the
 * binary (said once, not an error), on another port when its own is taken, and never left behind.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import test from 'ava';
import { ROOT } from '../../local/command';
import { parsePlatformEnv } from '../../local/main';
import { startPlatform } from '../../local/platform';
import { prometheusConfig, startPrometheus } from '../../local/prometheus';
import { ConfigError } from '../../shared/errors';
import { createLogger } from '../../shared/logger';
import { needs } from '../kit/needs';

const tBinary = needs('prometheus').serial;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tagline-prometheus-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('npm start runs Prometheus on 9090 unless TAGLINE_PROMETHEUS=0; a bad port names the variable', (t) => {
  t.like(parsePlatformEnv({}), { prometheus: true, prometheusPort: 9090 });
  t.like(parsePlatformEnv({ TAGLINE_PROMETHEUS: '0', TAGLINE_PROMETHEUS_PORT: '9191' }), { prometheus: false, prometheusPort: 9191 });
  t.throws(() => parsePlatformEnv({ TAGLINE_PROMETHEUS_PORT: 'high' }), { instanceOf: ConfigError, message: /^TAGLINE_PROMETHEUS_PORT: / });
});

test('the scrape configuration: live processes through /_/sd keeping their own function label, and the platform itself', (t) => {
  const config = prometheusConfig('http://127.0.0.1:8080', '/data/rules.yml') as { rule_files: string[]; scrape_configs: Record<string, unknown>[] };
  t.deepEqual(config.rule_files, ['/data/rules.yml']);
  t.like(config.scrape_configs[0], { honor_labels: true, http_sd_configs: [{ url: 'http://127.0.0.1:8080/_/sd' }] });
  t.like(config.scrape_configs[1], { metrics_path: '/_/metrics', static_configs: [{ targets: ['127.0.0.1:8080'] }] });
});

test('without the binary the platform runs on, says so once, and links no Prometheus', async (t) => {
  t.timeout(60_000);
  const log: string[] = [];
  const platform = await startPlatform({
    manifestsDir: path.join(ROOT, 'knative'),
    dataDir: tempDir(),
    port: 0,
    prometheus: true,
    env: { PATH: path.join(tmpdir(), 'no-such-bin') },
    logger: createLogger('platform', 'info', (line) => void log.push(line)),
    output: () => undefined,
  });
  try {
    t.is(platform.prometheusUrl, undefined);
    t.is(log.filter((l) => l.includes('prometheus is not on PATH')).length, 1);
    t.false((await (await fetch(`${platform.url}/_/status`)).text()).includes('Prometheus</a>'));
  } finally {
    await platform.stop();
  }
});

tBinary('a taken port gives way to a free one; stop leaves no process; a Prometheus left by a killed run is reaped', async (t) => {
  t.timeout(90_000);
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
  const taken = (blocker.address() as net.AddressInfo).port;
  const dataDir = tempDir();
  const logger = createLogger('platform', 'warn', () => undefined);
  const options = { platformUrl: 'http://127.0.0.1:9', dataDir, port: taken, logger };
  try {
    const first = await startPrometheus(options);
    t.not(first.url, `http://127.0.0.1:${taken}`);
    t.is((await fetch(`${first.url}/-/ready`)).status, 200);
    const [firstPid] = JSON.parse(readFileSync(path.join(dataDir, 'prometheus', 'processes.json'), 'utf8')) as number[];
    t.true(alive(firstPid!));

    // The platform was killed without stopping it: the next start in the same data directory takes over.
    const second = await startPrometheus(options);
    t.false(alive(firstPid!), 'the leftover Prometheus was stopped');
    const rules = (await (await fetch(`${second.url}/api/v1/rules`)).json()) as { data: { groups: { rules: unknown[] }[] } };
    t.true(rules.data.groups.flatMap((g) => g.rules).length >= 5, 'the alert rules are loaded');
    const [secondPid] = JSON.parse(readFileSync(path.join(dataDir, 'prometheus', 'processes.json'), 'utf8')) as number[];
    await second.stop();
    t.false(alive(secondPid!), 'stop ends the process');
  } finally {
    blocker.close();
  }
});
