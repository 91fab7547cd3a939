import { runSessionDirectorySuite } from '../testing/session-directory-suite.js';
import { LocalSessionDirectory } from './local-session-directory.js';

runSessionDirectorySuite('LocalSessionDirectory', async () => new LocalSessionDirectory());
