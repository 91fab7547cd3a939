/**
 * The HTML of the "try it" page served at `/`: logs in with the browser SDK exactly as an app
 * written for Tencent Cloud Chat's web SDK would, only with another import.
 *
 * The page's contract with tests/browser: inputs `#sdkappid`, `#userid`, `#usersig` (prefilled from
 * the query string), buttons `#go` and `#logout`, one event per line in `#log`, a status line
 * `#status` whose `data-state` is idle | busy | ready | kicked | failed, and `window.parleyReady`
 * set once the SDK's modules have loaded. Once ready, the chat form (`#to`, `#text`, `#send`) sends
 * a C2C text, and `#messages` lists one `<li>` per message, sent (`data-flow="out"`) or received
 * (`data-flow="in"`), as `from → to: text`.
 */
export function tryPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parley — log in from a browser</title>
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='4' fill='%232563eb'/%3E%3C/svg%3E">
<style>
  :root { --accent: #2563eb; --muted: #5b6270; --line: #d5d9e0; }
  body { font: 15px/1.5 system-ui, sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
  h1 { margin-bottom: .2rem; }
  h2 { font-size: 1.1rem; margin: 1.6rem 0 .4rem; }
  .lead { color: var(--muted); margin-top: 0; }
  form { border: 1px solid var(--line); border-radius: 8px; padding: .4rem 1rem 1rem; }
  label { display: block; margin-top: .7rem; font-weight: 600; }
  input { width: 100%; padding: .45rem .55rem; font: inherit; box-sizing: border-box; border: 1px solid var(--line); border-radius: 6px; }
  input:focus { outline: 2px solid var(--accent); outline-offset: -1px; }
  #usersig { font-family: ui-monospace, monospace; font-size: .85rem; }
  .actions { display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; margin-top: 1rem; }
  button { padding: .45rem 1.2rem; font: inherit; border-radius: 6px; border: 1px solid var(--line); background: #fff; cursor: pointer; white-space: nowrap; }
  button[type=submit] { background: var(--accent); border-color: var(--accent); color: #fff; }
  button:disabled { opacity: .45; cursor: default; }
  #status { margin-left: auto; padding: .15rem .7rem; border-radius: 999px; font-size: .9rem; background: #eef0f3; color: var(--muted); }
  #status[data-state=busy] { background: #fff4d6; color: #7a5200; }
  #status[data-state=ready] { background: #dcfce7; color: #166534; }
  #status[data-state=kicked], #status[data-state=failed] { background: #fee2e2; color: #991b1b; }
  .send { display: grid; grid-template-columns: minmax(5rem, 1fr) 3fr auto; gap: .5rem; align-items: end; }
  .send label { margin-top: 0; }
  #messages { list-style: none; padding: 0; margin: .6rem 0 0; }
  #messages li { padding: .35rem .6rem; border-radius: 6px; margin-bottom: .3rem; background: #f1f5ff; overflow-wrap: anywhere; }
  #messages li[data-flow=out] { background: #f6f8fa; color: var(--muted); }
  #messages:empty::before { content: 'No messages yet.'; color: var(--muted); }
  pre { background: #f6f8fa; border: 1px solid var(--line); border-radius: 8px; padding: .8rem; min-height: 4rem; white-space: pre-wrap; overflow-wrap: anywhere; font-size: .85rem; }
</style>
<script type="importmap">{ "imports": { "@parley/sdk": "/sdk/index.js", "@parley/protocol": "/sdk-protocol/index.js" } }</script>
</head>
<body>
<h1>Parley is running</h1>
<p class="lead">Log in with the SDKAppID and a UserSig printed by <code>parley serve</code>
(or made with <code>parley usersig gen</code>).</p>
<form id="login">
  <label for="sdkappid">SDKAppID</label><input id="sdkappid" name="sdkappid" inputmode="numeric" autocomplete="off" required>
  <label for="userid">UserID</label><input id="userid" name="userid" value="user1" autocomplete="off" required>
  <label for="usersig">UserSig</label><input id="usersig" name="usersig" autocomplete="off" spellcheck="false" required>
  <div class="actions">
    <button id="go" type="submit" disabled>Log in</button>
    <button id="logout" type="button" disabled>Log out</button>
    <span id="status" role="status" data-state="busy">Loading the SDK…</span>
  </div>
</form>
<h2>Messages</h2>
<form id="chat" class="send">
  <div><label for="to">To</label><input id="to" name="to" placeholder="UserID" autocomplete="off" required></div>
  <div><label for="text">Text</label><input id="text" name="text" autocomplete="off" required></div>
  <button id="send" type="submit" disabled>Send</button>
</form>
<ul id="messages" aria-live="polite"></ul>
<h2>Events</h2>
<pre id="log" aria-live="polite"></pre>
<script type="module">
  import TencentCloudChat from '@parley/sdk';
  const $ = (id) => document.getElementById(id);
  const log = (line) => { $('log').textContent += line + '\\n'; };
  // One place decides what the buttons allow, so a kicked or failed page can simply log in again.
  const setState = (state, text) => {
    $('status').dataset.state = state;
    $('status').textContent = text;
    $('go').disabled = state === 'busy' || state === 'ready';
    $('logout').disabled = state !== 'ready';
    $('send').disabled = state !== 'ready';
  };
  const show = (message) => {
    const li = document.createElement('li');
    li.dataset.flow = message.flow;
    const text = message.type === TencentCloudChat.TYPES.MSG_TEXT ? message.payload.text : '[' + message.type + ']';
    li.textContent = message.from + ' → ' + message.to + ': ' + text;
    $('messages').append(li);
  };
  const params = new URLSearchParams(location.search);
  for (const k of ['sdkappid', 'userid', 'usersig']) if (params.get(k)) $(k).value = params.get(k);
  let chat;
  $('login').addEventListener('submit', async (e) => {
    e.preventDefault();
    setState('busy', 'Logging in…');
    // create() returns one cached instance per SDKAppID: destroy the old one so that its listeners
    // do not pile up on a second login from the same page.
    if (chat) await chat.destroy().catch(() => undefined);
    $('messages').replaceChildren();
    const SDKAppID = Number($('sdkappid').value);
    const userID = $('userid').value;
    chat = TencentCloudChat.create({ SDKAppID, server: location.origin.replace(/^http/, 'ws') });
    chat.on(TencentCloudChat.EVENT.SDK_READY, () => { log('SDK_READY'); setState('ready', 'Ready as ' + userID); });
    chat.on(TencentCloudChat.EVENT.SDK_NOT_READY, () => log('SDK_NOT_READY'));
    chat.on(TencentCloudChat.EVENT.KICKED_OUT, (ev) => { log('KICKED_OUT ' + ev.data.type); setState('kicked', 'Kicked out (' + ev.data.type + ')'); });
    chat.on(TencentCloudChat.EVENT.NET_STATE_CHANGE, (ev) => log('NET_STATE_CHANGE ' + ev.data.state));
    chat.on(TencentCloudChat.EVENT.MESSAGE_RECEIVED, (ev) => { for (const m of ev.data) show(m); });
    try {
      const res = await chat.login({ userID, userSig: $('usersig').value });
      log('login ok: ' + JSON.stringify(res.data));
    } catch (err) {
      log('login failed: ' + err.code + ' ' + err.message);
      setState('failed', 'Login failed (' + err.code + ')');
    }
  });
  $('chat').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const message = chat.createTextMessage({ to: $('to').value, conversationType: TencentCloudChat.TYPES.CONV_C2C, payload: { text: $('text').value } });
      await chat.sendMessage(message);
      show(message);
      $('text').value = '';
    } catch (err) {
      log('send failed: ' + err.code + ' ' + err.message);
    }
  });
  $('logout').addEventListener('click', async () => {
    setState('busy', 'Logging out…');
    try {
      await chat.logout();
      log('logged out');
      setState('idle', 'Logged out');
    } catch (err) {
      log('logout failed: ' + err.code + ' ' + err.message);
      setState('failed', 'Logout failed (' + err.code + ')');
    }
  });
  setState('idle', 'Not logged in');
  window.parleyReady = true;
</script>
</body>
</html>
`;
}
