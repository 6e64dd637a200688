// Runs one benchmark section in this (fresh) process and prints its rows as JSON, so that what one section
// loads (ccxt, 10,000 pending requests) does not slow the next.
import { ccxtRows } from './ccxt.mjs';
import { ccxtCycleRows } from './ccxt-cycle.mjs';
import { fleetRows } from './fleet.mjs';
import { importRows } from './import-cost.mjs';
import { loginStormRows } from './login-storm.mjs';
import { memoryRows } from './memory.mjs';
import { pipelineRows } from './pipeline.mjs';
import { signingRows } from './signing.mjs';
import { typesRows } from './types.mjs';
import { websocketRows } from './websocket.mjs';

const SECTIONS = {
  signing: signingRows,
  ccxt: ccxtRows,
  // One process per provider: a bot process talks to one exchange, and the JIT state one provider's run leaves
  // behind moved the next provider's ratio by up to 0.07 (docs/benchmarks.md).
  'pipeline-bitex': () => pipelineRows('bitex'),
  'pipeline-bitexbit': () => pipelineRows('bitexbit'),
  'pipeline-kiiex': () => pipelineRows('kiiex'),
  // The whole request cycle against ccxt's, on both transports.
  'ccxt-cycle': ccxtCycleRows,
  'login-storm': loginStormRows,
  import: importRows,
  types: typesRows,
  memory: memoryRows,
  fleet: fleetRows,
  websocket: websocketRows,
};

const section = SECTIONS[process.argv[2]];
if (!section)
  throw new Error(`unknown section ${process.argv[2]}; known: ${Object.keys(SECTIONS).join(', ')}`);
process.stdout.write(JSON.stringify(await section()));
