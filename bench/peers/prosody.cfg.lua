-- Prosody config used by Parley's bench (bench/src/systems/prosody-system.ts fills in the
-- double-brace placeholders). Method: /work/shared/reference/peer-bench.md and docs/BENCHMARKS.md.
-- Loopback only, TLS off, c2s on one private port, no s2s/HTTP/component ports.
pidfile = "{{DIR}}/prosody.pid"
data_path = "{{DIR}}/data"
network_backend = "epoll"
-- net.server_epoll reads its settings from network_settings (default backlog 128).
network_settings = { tcp_backlog = 1024 }
certificates = "{{DIR}}/certs"
interfaces = { "127.0.0.1" }
local_interfaces = { "127.0.0.1" }
c2s_ports = { {{PORT}} }
c2s_direct_tls_ports = { }
s2s_ports = { }
s2s_direct_tls_ports = { }
component_ports = { }
http_ports = { }
https_ports = { }
c2s_require_encryption = false
allow_unencrypted_plain_auth = true
-- SASL PLAIN against a plain-text store: a cheap compare, the fair capacity test.
authentication = "internal_plain"
storage = "internal"
modules_enabled = {
  "disco"; "roster"; "saslauth"; "blocklist"; "carbons"; "ping";
  "register"; "time"; "uptime"; "version";
  {{ARCHIVE_MODULE}}
}
-- presence, message, iq, offline and c2s are autoloaded; these must not be.
modules_disabled = { "s2s"; "tls"; "limits" }
-- In-band registration (XEP-0077) is only for bulk account creation before a run; 127.0.0.1 is
-- on Prosody's default registration allow-list, so it is not throttled.
allow_registration = true
-- A second login of the same full JID kicks the older session (also Prosody's default).
conflict_resolve = "kick_old"
{{ARCHIVE}}
log = { { levels = { min = "warn" }, to = "file", filename = "{{DIR}}/prosody.log" } }
VirtualHost "localhost"
