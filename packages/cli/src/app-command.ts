/** `parley app create|list|show|profile-fields`: manage applications in the data directory's store. */
import type { Command } from 'commander';
import { genUserSig } from '@parley/usersig';
import { ParleyError } from '@parley/protocol';
import { DEFAULT_ADMIN, newAppRecord, parseRestProfileFields, restProfileField } from '@parley/server';
import type { AppRecord, Store } from '@parley/store';
import { parseSdkAppID, parseSecretKey } from './cli-args.js';
import { dataDir, openDataStore } from './data-dir.js';

/** Lifetime of the admin UserSig printed for convenience, in seconds (7 days). */
export const PRINTED_ADMIN_SIG_SECONDS = 7 * 86_400;

/** Human-readable description of an app, with an admin UserSig for REST calls. */
export function describeApp(app: AppRecord, now = Date.now()): string {
  const admin = app.admins[0] ?? DEFAULT_ADMIN;
  const sig = genUserSig({ sdkAppID: app.sdkAppID, key: app.secretKey, userID: admin, expireSeconds: PRINTED_ADMIN_SIG_SECONDS, now });
  const max = Object.entries(app.loginSettings.maxInstances).map(([p, n]) => `${p} ${n}`).join(', ');
  return [
    `SDKAppID:   ${app.sdkAppID}`,
    `Name:       ${app.name}`,
    `Secret key: ${app.secretKey}`,
    `Status:     ${app.status}`,
    `Admins:     ${app.admins.join(', ')}`,
    `Login:      policy ${app.loginSettings.policy}; max instances per platform: ${max}`,
    `Admin UserSig (${admin}, valid 7 days):`,
    `  ${sig}`,
  ].join('\n');
}

async function withStore<T>(dirFlag: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openDataStore(dataDir(dirFlag));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Adds `app` subcommands to the program. */
export function registerAppCommand(program: Command): void {
  const app = program.command('app').description('manage applications (SDKAppID, secret key, admins)');
  app
    .command('create')
    .description('create an application; prints its SDKAppID, secret key and an admin UserSig')
    .option('--data <dir>', 'data directory (env PARLEY_DATA)')
    .option('--app-id <sdkappid>', 'use this SDKAppID (e.g. your Tencent one) instead of a random one', parseSdkAppID)
    .option('--app-key <key>', 'use this secret key instead of a random one', parseSecretKey)
    .option('--name <name>', 'display name')
    .action(async (opts: { data?: string; appId?: number; appKey?: string; name?: string }) => {
      await withStore(opts.data, async (store) => {
        if (opts.appId !== undefined && (await store.apps.get(opts.appId))) {
          program.error(`app ${opts.appId} already exists`, { exitCode: 1 });
        }
        const record = newAppRecord(
          { ...(opts.appId !== undefined ? { sdkAppID: opts.appId } : {}), ...(opts.appKey ? { secretKey: opts.appKey } : {}), ...(opts.name ? { name: opts.name } : {}) },
          Date.now(),
        );
        await store.apps.create(record);
        process.stdout.write(`Created application\n${describeApp(record)}\n`);
      });
    });
  app
    .command('list')
    .description('list applications')
    .option('--data <dir>', 'data directory (env PARLEY_DATA)')
    .action(async (opts: { data?: string }) => {
      await withStore(opts.data, async (store) => {
        const apps = await store.apps.list();
        if (apps.length === 0) process.stdout.write('no applications (run `parley serve` or `parley app create`)\n');
        for (const a of apps) process.stdout.write(`${a.sdkAppID}\t${a.status}\t${a.loginSettings.policy}\t${a.name}\n`);
      });
    });
  app
    .command('show')
    .description('show one application, with an admin UserSig')
    .argument('<sdkappid>', 'the SDKAppID', parseSdkAppID)
    .option('--data <dir>', 'data directory (env PARLEY_DATA)')
    .action(async (id: number, opts: { data?: string }) => {
      await withStore(opts.data, async (store) => {
        const found = await store.apps.get(id);
        if (!found) program.error(`app ${id} not found`, { exitCode: 1 });
        else process.stdout.write(`${describeApp(found)}\n`);
      });
    });
  app
    .command('profile-fields')
    .description("show the app's custom profile fields (Tag_Profile_Custom_*), or replace them with --set")
    .argument('<sdkappid>', 'the SDKAppID', parseSdkAppID)
    .option('--data <dir>', 'data directory (env PARLEY_DATA)')
    .option('--set <json>', 'the whole new list, as REST parley_admin/set_profile_custom_fields takes it: [{"Tag":"Tag_Profile_Custom_Hobby","Type":"String","MaxLength":64,"Read":["App","Admin"],"Write":["App"]}]')
    .action(async (id: number, opts: { data?: string; set?: string }) => {
      await withStore(opts.data, async (store) => {
        if (!(await store.apps.get(id))) return program.error(`app ${id} not found`, { exitCode: 1 });
        if (opts.set !== undefined) {
          let fields;
          try {
            fields = parseRestProfileFields({ CustomFields: JSON.parse(opts.set) as unknown });
          } catch (error) {
            const reason = error instanceof ParleyError || error instanceof SyntaxError ? error.message : String(error);
            return program.error(`--set: ${reason}`, { exitCode: 1 });
          }
          await store.profileFields.replace(id, fields);
        }
        const declared = await store.profileFields.list(id);
        if (declared.length === 0) process.stdout.write(`app ${id} declares no custom profile fields\n`);
        for (const f of declared.map(restProfileField)) {
          process.stdout.write(`${f.Tag}\t${f.Type}${f.MaxLength !== undefined ? `(${f.MaxLength})` : ''}\tread ${f.Read.join(',')}\twrite ${f.Write.join(',')}\n`);
        }
      });
    });
}
