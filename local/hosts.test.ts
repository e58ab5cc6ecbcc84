import test from 'ava';
import { hostCheck } from './hosts';

test('only loopback names and the configured hosts reach the platform pages (DNS rebinding)', (t) => {
  const allowed = hostCheck(['tunnel.example.net']);
  for (const host of ['localhost:8080', '127.0.0.1:8080', '[::1]:8080', 'app.localhost', 'TUNNEL.example.net', undefined]) t.true(allowed(host), String(host));
  for (const host of ['evil.example', 'evil.example:8080', '127.0.0.1.nip.io', 'localhost.evil.example', '10.0.0.5:8080']) t.false(allowed(host), host);
});
