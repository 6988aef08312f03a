import { describeDrift } from '@gdx/codegen/drift-suite';
import * as generated from '../src/generated/schemas.js';

describeDrift('open-data', generated, new URL('..', import.meta.url));
