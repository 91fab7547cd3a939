/**
 * The HTML of the "try it" page served at `/`: logs in with the browser SDK exactly as an app
 * written for Tencent Cloud Chat's web SDK would, only with another import.
 */
export function tryPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Parley — log in from a browser</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
  label { display: block; margin-top: .6rem; font-weight: 600; }
  input { width: 100%; padding: .4rem; font: inherit; box-sizing: border-box; }
  button { margin-top: 1rem; padding: .5rem 1.2rem; font: inherit; }
  pre { background: #f4f4f4; padding: .8rem; white-space: pre-wrap; word-break: break-all; }
</style>
<script type="importmap">{ "imports": { "@parley/sdk": "/sdk/index.js", "@parley/protocol": "/sdk-protocol/index.js" } }</script>
</head>
<body>
<h1>Parley is running</h1>
<p>Log in with the SDKAppID and a UserSig printed by <code>parley serve</code>
(or made with <code>parley usersig gen</code>).</p>
<form id="login">
  <label for="sdkappid">SDKAppID</label><input id="sdkappid" name="sdkappid" required>
  <label for="userid">UserID</label><input id="userid" name="userid" value="user1" required>
  <label for="usersig">UserSig</label><input id="usersig" name="usersig" required>
  <button id="go" type="submit">Log in</button>
  <button id="logout" type="button" disabled>Log out</button>
</form>
<h2>Events</h2>
<pre id="log"></pre>
<script type="module">
  import TencentCloudChat from '@parley/sdk';
  const log = (line) => { document.getElementById('log').textContent += line + '\\n'; };
  const params = new URLSearchParams(location.search);
  for (const k of ['sdkappid', 'userid', 'usersig']) if (params.get(k)) document.getElementById(k).value = params.get(k);
  let chat;
  document.getElementById('login').addEventListener('submit', async (e) => {
    e.preventDefault();
    const SDKAppID = Number(document.getElementById('sdkappid').value);
    chat = TencentCloudChat.create({ SDKAppID, server: location.origin.replace(/^http/, 'ws') });
    chat.on(TencentCloudChat.EVENT.SDK_READY, () => log('SDK_READY'));
    chat.on(TencentCloudChat.EVENT.SDK_NOT_READY, () => log('SDK_NOT_READY'));
    chat.on(TencentCloudChat.EVENT.KICKED_OUT, (ev) => log('KICKED_OUT ' + ev.data.type));
    chat.on(TencentCloudChat.EVENT.NET_STATE_CHANGE, (ev) => log('NET_STATE_CHANGE ' + ev.data.state));
    try {
      const res = await chat.login({ userID: document.getElementById('userid').value, userSig: document.getElementById('usersig').value });
      log('login ok: ' + JSON.stringify(res.data));
      document.getElementById('logout').disabled = false;
    } catch (err) {
      log('login failed: ' + err.code + ' ' + err.message);
    }
  });
  document.getElementById('logout').addEventListener('click', async () => {
    await chat.logout();
    log('logged out');
    document.getElementById('logout').disabled = true;
  });
  window.parleyReady = true;
</script>
</body>
</html>
`;
}
