-- W2 "mam-on" (peer-bench.md): added to prosody.cfg.lua when a run archives, together with "mam"
-- in modules_enabled. Archive every message by default, in the internal (file) store.
default_archive_policy = true
