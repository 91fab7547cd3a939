import { afterEach, describe, expect, it } from 'vitest';
import { Command, ErrorCode } from '@parley/protocol';
import { RawClient } from '../../test-support/raw-client.js';
import { genUserSig } from '@parley/usersig';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

let ts: TestServer | undefined;
afterEach(async () => {
  await ts?.close();
  ts = undefined;
});

async function post(url: string, body: string | undefined, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers, ...(body !== undefined ? { body } : {}) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('REST envelope and authentication', () => {
  it('answers success with ActionStatus OK, ErrorCode 0 and HTTP 200', async () => {
    ts = await startTestServer();
    const r = await post(ts.restUrl('im_open_login_svc/account_import'), JSON.stringify({ UserID: 'u1' }));
    expect(r).toEqual({ status: 200, json: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' } });
  });

  it('answers bad JSON with 60003 and HTTP 200', async () => {
    ts = await startTestServer();
    const r = await post(ts.restUrl('im_open_login_svc/account_import'), '{"UserID":', { 'content-type': 'application/json' });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: ErrorCode.ERR_SVR_COMM_REQ_JSON_PARSE_FAILED });
  });

  it('accepts JSON bodies sent as text/plain or without a content type', async () => {
    ts = await startTestServer();
    for (const headers of [{ 'content-type': 'text/plain' }, {}]) {
      const r = await post(ts.restUrl('im_open_login_svc/account_check'), JSON.stringify({ CheckItem: [{ UserID: 'x' }] }), headers);
      expect(r.json['ErrorCode']).toBe(0);
    }
  });

  it.each([
    ['no sdkappid', (t: TestServer) => t.restUrl('im_open_login_svc/kick').replace(/sdkappid=\d+&/, ''), ErrorCode.ERR_SVR_COMM_SDKAPPID_MISS],
    ['a non-numeric sdkappid', (t: TestServer) => t.restUrl('im_open_login_svc/kick').replace(/sdkappid=\d+/, 'sdkappid=abc'), ErrorCode.ERR_SVR_COMM_INVALID_SDKAPPID],
    ['an unknown sdkappid', (t: TestServer) => t.restUrl('im_open_login_svc/kick').replace(/sdkappid=\d+/, 'sdkappid=1'), ErrorCode.ERR_SVR_ACCOUNT_SDKAPPID_NOT_FOUND],
    ['an identifier that is not an admin', (t: TestServer) => t.restUrl('im_open_login_svc/kick', 'someone', t.sig('someone')), ErrorCode.ERR_SVR_COMM_ID_NOT_ADMIN],
    ['an admin with a bad usersig', (t: TestServer) => t.restUrl('im_open_login_svc/kick', 'administrator', 'garbage'), ErrorCode.ERR_SVR_ACCOUNT_USERSIG_CHECK_FAILED],
    ['an admin with another user\'s usersig', (t: TestServer) => t.restUrl('im_open_login_svc/kick', 'administrator', t.sig('someone')), ErrorCode.ERR_SVR_ACCOUNT_USERSIG_MISMATCH_ID],
    ['an unknown command', (t: TestServer) => t.restUrl('im_open_login_svc/no_such_thing'), ErrorCode.ERR_SVR_COMM_INVALID_RES],
  ])('refuses %s with its documented code', async (_name, url, code) => {
    ts = await startTestServer();
    const r = await post(url(ts), JSON.stringify({ UserID: 'u1' }));
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: code });
  });

  it('refuses an expired admin sig with 70001', async () => {
    ts = await startTestServer();
    const old = genUserSig({ sdkAppID: ts.app.sdkAppID, key: ts.app.secretKey, userID: 'administrator', expireSeconds: 10, now: Date.now() - 60_000 });
    const r = await post(ts.restUrl('im_open_login_svc/kick', 'administrator', old), JSON.stringify({ UserID: 'u1' }));
    expect(r.json['ErrorCode']).toBe(ErrorCode.ERR_SVR_ACCOUNT_USERSIG_EXPIRED);
  });

  it('answers a body that is too large with an envelope, not a crash', async () => {
    ts = await startTestServer({ restBodyLimit: 1024 });
    const r = await post(ts.restUrl('im_open_login_svc/account_import'), JSON.stringify({ UserID: 'x'.repeat(5000) }));
    expect(r.status).toBe(200);
    expect(r.json['ActionStatus']).toBe('FAIL');
  });

  it('answers non-object and wrongly typed bodies with 70402', async () => {
    ts = await startTestServer();
    for (const body of ['[]', '"text"', '{"UserID":5}', '{"UserID":"bad id!"}']) {
      const r = await post(ts.restUrl('im_open_login_svc/account_import'), body);
      expect(r.json['ErrorCode']).toBe(ErrorCode.ERR_SVR_ACCOUNT_INVALID_PARAMETERS);
    }
  });
});

describe('im_open_login_svc', () => {
  it('account_import, account_check and account_delete work together', async () => {
    ts = await startTestServer();
    expect((await ts.rest('im_open_login_svc/account_import', { UserID: 'ann', Nick: 'Ann', FaceUrl: 'http://x/a.png' }))['ErrorCode']).toBe(0);
    expect((await ts.rest('im_open_login_svc/account_import', { Identifier: 'legacy' }))['ErrorCode']).toBe(0);
    const check = await ts.rest('im_open_login_svc/account_check', { CheckItem: [{ UserID: 'ann' }, { UserID: 'legacy' }, { UserID: 'ghost' }] });
    expect(check['ResultItem']).toEqual([
      { UserID: 'ann', ResultCode: 0, ResultInfo: '', AccountStatus: 'Imported' },
      { UserID: 'legacy', ResultCode: 0, ResultInfo: '', AccountStatus: 'Imported' },
      { UserID: 'ghost', ResultCode: 0, ResultInfo: '', AccountStatus: 'NotImported' },
    ]);
    const del = await ts.rest('im_open_login_svc/account_delete', { DeleteItem: [{ UserID: 'ann' }, { UserID: 'ghost' }] });
    expect(del['ResultItem']).toEqual([
      { ResultCode: 0, ResultInfo: '', UserID: 'ann' },
      { ResultCode: 70107, ResultInfo: 'Err_TLS_PT_Open_Login_Account_Not_Exist', UserID: 'ghost' },
    ]);
  });

  it('multiaccount_import reports invalid ids in FailAccounts (old and new body shapes)', async () => {
    ts = await startTestServer();
    const old = await ts.rest('im_open_login_svc/multiaccount_import', { Accounts: ['a1', 'a2', 'bad id'] });
    expect(old).toMatchObject({ ErrorCode: 0, FailAccounts: ['bad id'] });
    const fresh = await ts.rest('im_open_login_svc/multiaccount_import', { AccountList: [{ UserID: 'b1', Nick: 'B' }, { UserID: '' }] });
    expect(fresh).toMatchObject({ ErrorCode: 0, FailAccounts: [''] });
    const check = await ts.rest('im_open_login_svc/account_check', { CheckItem: [{ UserID: 'a1' }, { UserID: 'b1' }] });
    expect((check['ResultItem'] as { AccountStatus: string }[]).map((r) => r.AccountStatus)).toEqual(['Imported', 'Imported']);
  });

  it('refuses batches over 100 accounts with 70206', async () => {
    ts = await startTestServer();
    const r = await ts.rest('im_open_login_svc/multiaccount_import', { Accounts: Array.from({ length: 101 }, (_, i) => `u${i}`) });
    expect(r['ErrorCode']).toBe(ErrorCode.ERR_SVR_ACCOUNT_INVALID_COUNT);
  });

  it('enforces the plan limit on accounts with 70398', async () => {
    ts = await startTestServer({ app: { limits: { maxAccounts: 2 } } });
    expect((await ts.rest('im_open_login_svc/multiaccount_import', { Accounts: ['a', 'b'] }))['ErrorCode']).toBe(0);
    expect((await ts.rest('im_open_login_svc/account_import', { UserID: 'c' }))['ErrorCode']).toBe(ErrorCode.ERR_SVR_ACCOUNT_COUNT_LIMIT);
    expect((await ts.rest('im_open_login_svc/account_import', { UserID: 'a', Nick: 'again' }))['ErrorCode']).toBe(0);
  });
});

describe('openim/query_online_status', () => {
  it('reports Offline for known users without sessions and 70107 for unknown ones (also as querystate)', async () => {
    ts = await startTestServer();
    await ts.rest('im_open_login_svc/account_import', { UserID: 'sleepy' });
    for (const path of ['openim/query_online_status', 'openim/querystate']) {
      const r = await ts.rest(path, { To_Account: ['sleepy', 'nobody'] });
      expect(r['QueryResult']).toEqual([{ To_Account: 'sleepy', State: 'Offline' }]);
      expect(r['ErrorList']).toEqual([{ To_Account: 'nobody', ErrorCode: 70107 }]);
    }
  });
});

describe('parley_admin', () => {
  it('get_login_settings returns the defaults: dual, one instance per platform', async () => {
    ts = await startTestServer();
    const r = await ts.rest('parley_admin/get_login_settings', {});
    expect(r).toMatchObject({
      ErrorCode: 0,
      Policy: 'dual',
      MaxInstances: { Web: 1, Android: 1, IPhone: 1, IPad: 1, Windows: 1, Mac: 1, Linux: 1 },
    });
  });

  it('set_login_settings accepts partial updates', async () => {
    ts = await startTestServer();
    await ts.rest('parley_admin/set_login_settings', { Policy: 'triple' });
    const r = await ts.rest('parley_admin/set_login_settings', { MaxInstances: { Web: 10, Linux: 3 } });
    expect(r).toMatchObject({ Policy: 'triple', MaxInstances: { Web: 10, Linux: 3, Android: 1 } });
  });

  it.each([
    [{ Policy: 'quad' }],
    [{ MaxInstances: { Web: 11 } }],
    [{ MaxInstances: { Android: 4 } }],
    [{ MaxInstances: { Web: 0 } }],
    [{ MaxInstances: { Web: 1.5 } }],
    [{ MaxInstances: { Fridge: 1 } }],
    [{ MaxInstances: 3 }],
    [{ Other: 1 }],
  ])('set_login_settings refuses %j with 70402 and changes nothing', async (body) => {
    ts = await startTestServer();
    const r = await ts.rest('parley_admin/set_login_settings', body);
    expect(r['ErrorCode']).toBe(ErrorCode.ERR_SVR_ACCOUNT_INVALID_PARAMETERS);
    expect(r['ErrorInfo']).toMatch(/Policy|MaxInstances|field/);
    expect(await ts.rest('parley_admin/get_login_settings', {})).toMatchObject({ Policy: 'dual', MaxInstances: { Web: 1 } });
  });

  it('set_app_status refuses unknown statuses', async () => {
    ts = await startTestServer();
    expect((await ts.rest('parley_admin/set_app_status', { Status: 'paused' }))['ErrorCode']).toBe(ErrorCode.ERR_SVR_ACCOUNT_INVALID_PARAMETERS);
  });
});

describe('health and metrics', () => {
  it('GET /healthz answers ok', async () => {
    ts = await startTestServer();
    const res = await fetch(`${ts.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('GET /metrics exposes connections, logins by result, kicks by type and DAU', async () => {
    ts = await startTestServer();
    await ts.rest('im_open_login_svc/kick', { UserID: 'nobody' });
    const c = await RawClient.connect(ts.wsUrl);
    await c.request(Command.LOGIN, { SDKAppID: ts.app.sdkAppID, userID: 'm1', userSig: ts.sig('m1') });
    const bad = await RawClient.connect(ts.wsUrl);
    await bad.request(Command.LOGIN, { SDKAppID: ts.app.sdkAppID, userID: 'm2', userSig: 'garbage' });
    bad.close();
    const text = await (await fetch(`${ts.url}/metrics`)).text();
    for (const name of ['parley_connections', 'parley_kicks_total', 'parley_rest_calls_total']) expect(text).toContain(name);
    expect(text).toContain('parley_logins_total{result="ok"} 1');
    expect(text).toMatch(/parley_logins_total\{result="\d+"\} 1/);
    expect(text).toContain(`parley_daily_active_users{sdkappid="${ts.app.sdkAppID}"} 1`);
    expect(text).toContain('parley_online_instances 1');
    c.close();
  });
});
