/**
 * The office's command line, on the server's store (works while the server runs: SQLite in WAL mode, and the
 * server notices revocations within a second):
 *   npm run map -- create <county-id> <name>                 → the county office's first link
 *   npm run map -- invite <county-id> member <id> <name> <association|township-office|welfare-center>
 *   npm run map -- invite <county-id> workshop <id> <name>   → the join link for a workshop's tables
 *   npm run map -- revoke <county-id> <grant-id>
 *   npm run map -- publish <county-id>
 */
import type { MemberKind } from '../domain/shared-map/county-index.ts';
import { AdminActions, type Invitation } from './admin-actions.ts';
import { loadDataConfig, publishSnapshot } from './publish.ts';
import { serverOptionsFromEnv } from './server-env.ts';
import { SyncStore } from './sqlite-store.ts';

const options = serverOptionsFromEnv();
const store = new SyncStore(options.storeDir);
const publicUrl = options.publicUrl ?? `http://${options.host}:${options.port}/`;
const actions = new AdminActions(store, () => publicUrl);
const [command, county = '', ...rest] = process.argv.slice(2);
const show = (i: Invitation) =>
  console.log(
    `document  ${i.document}\ngrant id  ${i.grantId}\nlink      ${i.link}\n(the link is shown once; keep it safe)`,
  );

try {
  switch (command) {
    case 'create':
      show(actions.createMap(county, rest.join(' ')));
      break;
    case 'invite': {
      const [role, id = '', name = '', kind = 'association'] = rest;
      if (role === 'member') show(actions.invite(county, { role, id, name, kind: kind as MemberKind }));
      else if (role === 'workshop') show(actions.invite(county, { role: 'participant', id, name }));
      else if (role === 'admin') show(actions.invite(county, { role, name: id }));
      else throw new Error('invite: member, workshop or admin');
      break;
    }
    case 'revoke':
      console.log(actions.revoke(county, rest[0] ?? '') ? 'revoked' : 'no such grant');
      break;
    case 'publish':
      console.log(publishSnapshot(store, loadDataConfig(options.dataDir ?? 'data'), county, 'command line'));
      break;
    default:
      console.log('usage: npm run map -- create|invite|revoke|publish <county-id> …');
      process.exitCode = 2;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  store.close();
}
