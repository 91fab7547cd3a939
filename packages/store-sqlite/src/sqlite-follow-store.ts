/**
 * `store.follows` on SQLite (migration 6): `follows` holds the edges (their rowid orders the lists
 * and is the page cursor), `follow_counts` each user's three counts, updated with the edges.
 */
import { isRecord, isUint, type FollowListType, type FollowType } from '@parley/protocol';
import { storeError, type FollowCounts, type FollowEntry, type FollowOutcome, type FollowPage, type FollowStore, type UnfollowOutcome } from '@parley/store';
import type Database from 'better-sqlite3';
import type { SqliteRunner } from './sqlite-runner.js';

type Edge = [number, string, string];

function entryRow(row: unknown): FollowEntry & { readonly id: number } {
  if (!isRecord(row) || !isUint(row['id']) || typeof row['user_id'] !== 'string' || !isUint(row['created_at'])) {
    throw storeError('follows row has bad id, user_id or created_at columns');
  }
  return { id: row['id'], userID: row['user_id'], followTime: row['created_at'] };
}

/** The {@link FollowStore} of one SQLite connection. */
export class SqliteFollowStore implements FollowStore {
  readonly #run: SqliteRunner;
  readonly #has: Database.Statement<Edge>;
  readonly #add: Database.Statement<[number, string, string, number]>;
  readonly #remove: Database.Statement<Edge>;
  readonly #count: Database.Statement<[number, string]>;
  readonly #bump: Database.Statement<[number, string, number, number, number]>;
  readonly #pages: Record<FollowListType, Database.Statement<[number, string, number, number]>>;

  constructor(run: SqliteRunner, db: Database.Database) {
    this.#run = run;
    this.#has = db.prepare('SELECT 1 FROM follows WHERE app = ? AND follower = ? AND followee = ?');
    this.#add = db.prepare('INSERT INTO follows (app, follower, followee, created_at) VALUES (?, ?, ?, ?)');
    this.#remove = db.prepare('DELETE FROM follows WHERE app = ? AND follower = ? AND followee = ?');
    this.#count = db.prepare('SELECT followers, following, mutual FROM follow_counts WHERE app = ? AND user_id = ?');
    this.#bump = db.prepare(
      'INSERT INTO follow_counts (app, user_id, followers, following, mutual) VALUES (?, ?, ?, ?, ?) ' +
        'ON CONFLICT (app, user_id) DO UPDATE SET followers = followers + excluded.followers, following = following + excluded.following, mutual = mutual + excluded.mutual',
    );
    this.#pages = {
      following: db.prepare('SELECT id, followee AS user_id, created_at FROM follows WHERE app = ? AND follower = ? AND id > ? ORDER BY id LIMIT ?'),
      followers: db.prepare('SELECT id, follower AS user_id, created_at FROM follows WHERE app = ? AND followee = ? AND id > ? ORDER BY id LIMIT ?'),
      mutual: db.prepare(
        'SELECT f.id AS id, f.followee AS user_id, f.created_at AS created_at FROM follows f ' +
          'JOIN follows r ON r.app = f.app AND r.follower = f.followee AND r.followee = f.follower ' +
          'WHERE f.app = ? AND f.follower = ? AND f.id > ? ORDER BY f.id LIMIT ?',
      ),
    };
  }

  async follow(sdkAppID: number, userID: string, targets: readonly string[], maxFollowing: number, now: number): Promise<FollowOutcome[]> {
    return this.#run.writeForApp(sdkAppID, () =>
      targets.map((target): FollowOutcome => {
        if (this.#has.get(sdkAppID, userID, target) !== undefined) return 'already';
        if (this.#countsOf(sdkAppID, userID).following >= maxFollowing) return 'limit';
        this.#add.run(sdkAppID, userID, target, now);
        const mutual = this.#has.get(sdkAppID, target, userID) !== undefined ? 1 : 0;
        this.#bump.run(sdkAppID, userID, 0, 1, mutual);
        this.#bump.run(sdkAppID, target, 1, 0, mutual);
        return 'followed';
      }),
    );
  }

  async unfollow(sdkAppID: number, userID: string, targets: readonly string[]): Promise<UnfollowOutcome[]> {
    return this.#run.write(() =>
      targets.map((target): UnfollowOutcome => {
        if (this.#remove.run(sdkAppID, userID, target).changes === 0) return 'not-following';
        const mutual = this.#has.get(sdkAppID, target, userID) !== undefined ? -1 : 0;
        this.#bump.run(sdkAppID, userID, 0, -1, mutual);
        this.#bump.run(sdkAppID, target, -1, 0, mutual);
        return 'unfollowed';
      }),
    );
  }

  async list(sdkAppID: number, userID: string, listType: FollowListType, cursor: string, count: number): Promise<FollowPage> {
    const after = cursor === '' ? 0 : Number(cursor);
    if (!Number.isSafeInteger(after) || after < 0) throw storeError(`follow list cursor ${JSON.stringify(cursor)} is not one this store returned`);
    return this.#run.read(() => {
      const rows = this.#pages[listType].all(sdkAppID, userID, after, count + 1).map(entryRow);
      const page = rows.slice(0, count);
      const last = page.at(-1);
      return { entries: page.map(({ userID: id, followTime }) => ({ userID: id, followTime })), nextCursor: rows.length > count && last ? String(last.id) : '' };
    });
  }

  async counts(sdkAppID: number, userIDs: readonly string[]): Promise<FollowCounts[]> {
    return this.#run.snapshot(() => userIDs.map((id) => ({ userID: id, ...this.#countsOf(sdkAppID, id) })));
  }

  async check(sdkAppID: number, userID: string, targets: readonly string[]): Promise<{ userID: string; followType: FollowType }[]> {
    return this.#run.snapshot(() =>
      targets.map((target) => {
        const following = this.#has.get(sdkAppID, userID, target) !== undefined;
        const follower = this.#has.get(sdkAppID, target, userID) !== undefined;
        const followType: FollowType = following && follower ? 3 : following ? 2 : follower ? 1 : 0;
        return { userID: target, followType };
      }),
    );
  }

  #countsOf(sdkAppID: number, userID: string): Omit<FollowCounts, 'userID'> {
    const row = this.#count.get(sdkAppID, userID);
    if (row === undefined) return { followers: 0, following: 0, mutual: 0 };
    if (!isRecord(row) || !isUint(row['followers']) || !isUint(row['following']) || !isUint(row['mutual'])) {
      throw storeError(`follow_counts row of app ${sdkAppID}, user ${JSON.stringify(userID)} has bad counts`);
    }
    return { followers: row['followers'], following: row['following'], mutual: row['mutual'] };
  }
}
