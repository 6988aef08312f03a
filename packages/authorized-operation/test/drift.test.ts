import { describeDrift } from '@gdx/codegen/drift-suite';
import * as generated from '../src/generated/schemas.js';

describeDrift('authorized-operation', generated, new URL('..', import.meta.url));
