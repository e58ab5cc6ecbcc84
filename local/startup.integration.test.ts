import test from 'ava';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './command';
import { startPlatform } from './platform';
import { fixtureOptions, tempDataDir } from '../test/kit/platform';

test('a port in use is a start-up error naming PORT', async (t) => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as net.AddressInfo).port;
  const dataDir = tempDataDir();
  try {
    const err = await t.throwsAsync(startPlatform(fixtureOptions(dataDir, [], { port })));
    t.regex(err!.message, new RegExp(`^PORT: port ${port} on 127\\.0\\.0\\.1 is already in use`));
  } finally {
    blocker.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a Trigger naming a missing Service is a start-up error naming the file and the field', async (t) => {
  const dataDir = tempDataDir();
  const manifestsDir = path.join(ROOT, 'test', 'fixtures', 'platform', 'bad-trigger');
  const err = await t.throwsAsync(startPlatform(fixtureOptions(dataDir, [], { manifestsDir })));
  t.regex(err!.message, /bad-trigger\/trigger\.yaml: Trigger "orphan" spec\.subscriber\.ref\.name: no Service "no-such-service" in namespace "broken"/);
  rmSync(dataDir, { recursive: true, force: true });
});

test('unreadable and invalid manifests are start-up errors naming the file and the field', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tagline-manifests-'));
  const dataDir = tempDataDir();
  const start = () => startPlatform(fixtureOptions(dataDir, [], { manifestsDir: dir }));
  try {
    t.regex((await t.throwsAsync(start()))!.message, /kustomization\.yaml: no kustomization file in this folder/);

    writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources:\n  - missing.yaml\n');
    t.regex((await t.throwsAsync(start()))!.message, /kustomization\.yaml: resources\[0\]: "missing\.yaml" does not exist/);

    writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources:\n  - svc.yaml\n');
    writeFileSync(path.join(dir, 'svc.yaml'), 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: a\nspec: [unclosed\n');
    t.regex((await t.throwsAsync(start()))!.message, /svc\.yaml: document 1 line \d+: invalid YAML/);

    writeFileSync(
      path.join(dir, 'svc.yaml'),
      'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: a\n  annotations: {}\nspec:\n  template:\n    metadata:\n      annotations:\n        autoscaling.knative.dev/scale-to-zero-pod-retention-period: "soon"\n    spec:\n      containers:\n        - image: x\n',
    );
    t.regex((await t.throwsAsync(start()))!.message, /svc\.yaml: Service "a" spec\.template\.metadata\.annotations\["autoscaling\.knative\.dev\/scale-to-zero-pod-retention-period"\]: "soon" is not a duration/);

    writeFileSync(path.join(dir, 'svc.yaml'), 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  template:\n    spec:\n      containers: []\n');
    t.regex((await t.throwsAsync(start()))!.message, /svc\.yaml: Service "a" spec\.template\.spec\.containers: the local platform runs Services with exactly one container/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
});
