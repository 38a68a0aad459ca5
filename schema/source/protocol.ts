/**
 * The dvdi-bridge JSON-RPC protocol (docs/dvdi-bridge.md), the one source of the bridge's wire contract: the
 * published `dvdi-bridge-protocol.schema.json`, the generated types (`src/generated/dvdi-bridge-protocol.ts`)
 * the bridge, its client, the language server and the extension use, and the precompiled validators the bridge
 * checks every request with are all made from this object. Adding a request field is one edit here (then
 * `npm run generate -w schema`) plus the code that reads it.
 *
 * Unlike the document schemas, request params are closed (`additionalProperties: false`): a typo must never
 * silently change what the bridge mounts. Results are open so newer bridges can add fields.
 */
import { bridgeProtocolSchemaFile, SCHEMA_BASE_URL } from '../src/schemaIds';
import type { JsonSchema } from './jsonSchema';

const bridgeProtocolSource: JsonSchema = {
  title: 'dvdi-bridge protocol',
  description:
    'JSON-RPC 2.0 messages exchanged with the dvdi-bridge agent service over its websocket endpoint /v1. Each entry of `definitions` is meant to be compiled on its own: the envelopes first, then the params of the method named in the envelope, then its result. Request params are closed (unknown keys are rejected, so a typo never silently changes what the bridge mounts); results are open so that newer bridges can add fields without breaking older clients.',
  definitions: {
    requestId: {
      description: 'JSON-RPC request id, chosen by the client. The bridge echoes it in the response and in `volume/dryRunProgress` notifications.',
      anyOf: [
        {
          type: 'integer',
          minimum: -9007199254740991,
          maximum: 9007199254740991,
        },
        {
          type: 'string',
          minLength: 1,
          maxLength: 128,
        },
      ],
    },
    methodName: {
      description: 'Methods and notifications the bridge understands.',
      type: 'string',
      enum: ['bridge/info', 'volume/dryRunMount', 'volume/list', 'volume/dryRunProgress', '$/cancelRequest'],
    },
    request: {
      title: 'JSON-RPC request',
      description: 'A call from client to bridge that expects a response with the same id. The params are validated separately against the definition of the method.',
      type: 'object',
      required: ['jsonrpc', 'id', 'method'],
      properties: {
        jsonrpc: {
          description: 'Protocol version; always "2.0".',
          const: '2.0',
        },
        id: {
          $ref: '#/definitions/requestId',
        },
        method: {
          description: 'Name of the method to call, e.g. "volume/dryRunMount".',
          type: 'string',
          minLength: 1,
          maxLength: 128,
        },
        params: {
          description: 'Method arguments (by name).',
          type: 'object',
        },
      },
      additionalProperties: false,
    },
    notification: {
      title: 'JSON-RPC notification',
      description: 'A message without id that expects no response: `volume/dryRunProgress` (bridge to client) and `$/cancelRequest` (client to bridge).',
      type: 'object',
      required: ['jsonrpc', 'method'],
      properties: {
        jsonrpc: {
          const: '2.0',
        },
        method: {
          type: 'string',
          minLength: 1,
          maxLength: 128,
        },
        params: {
          type: 'object',
        },
      },
      additionalProperties: false,
    },
    responseError: {
      title: 'JSON-RPC error object',
      description:
        'Why a request failed at the protocol level (bad JSON, unknown method, invalid params, not authorised, cancelled). Volume-level problems are not errors: they are verdicts of `volume/dryRunMount`.',
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: {
          description:
            'JSON-RPC error code: -32700 parse error, -32600 invalid request, -32601 method not found, -32602 invalid params, -32603 internal error, -32800 request cancelled; other values are bridge-specific.',
          type: 'integer',
          examples: [-32602, -32800],
        },
        message: {
          description: 'Human-readable: what is wrong, why, and what to do.',
          type: 'string',
          maxLength: 4096,
        },
        data: {
          description: 'Extra machine-readable detail, e.g. the failing params path.',
        },
      },
    },
    response: {
      title: 'JSON-RPC response',
      description: "The bridge's answer to one request: exactly one of `result` or `error`.",
      type: 'object',
      required: ['jsonrpc', 'id'],
      properties: {
        jsonrpc: {
          const: '2.0',
        },
        id: {
          description: 'The id of the request answered; null when the request could not be read at all.',
          anyOf: [
            {
              $ref: '#/definitions/requestId',
            },
            {
              type: 'null',
            },
          ],
        },
        result: {},
        error: {
          $ref: '#/definitions/responseError',
        },
      },
      oneOf: [
        {
          properties: {
            result: true,
          },
          required: ['result'],
        },
        {
          properties: {
            error: true,
          },
          required: ['error'],
        },
      ],
    },
    engineName: {
      description:
        "How the bridge mounts: through Mesos's docker/volume isolator path (dvdcli), through mesos-module-dvdi (dvdcli as well), or by speaking the Docker volume plugin protocol directly.",
      type: 'string',
      enum: ['docker-volume', 'dvdi-module', 'plugin'],
    },
    driverName: {
      description: 'Docker volume driver (plugin) name, as in `options["dvdi/driver"]` of a Marathon external volume, e.g. "rexray" or "pxd".',
      type: 'string',
      minLength: 1,
      maxLength: 256,
      pattern: '^[^\\u0000-\\u001f\\u007f]+$',
      examples: ['rexray', 'pxd', 'local'],
    },
    volumeName: {
      description: "Volume name as the driver knows it (Marathon's `external.name`).",
      type: 'string',
      minLength: 1,
      maxLength: 256,
      pattern: '^[^\\u0000-\\u001f\\u007f]+$',
      examples: ['pgdata', 'name=vol1,size=10,repl=2'],
    },
    bridgeInfoParams: {
      title: 'bridge/info params',
      description: '`bridge/info` takes no arguments; an empty object (or no params at all) is expected.',
      type: 'object',
      properties: {},
      additionalProperties: false,
    },
    bridgeInfoResult: {
      title: 'bridge/info result',
      description: 'Who answers: the agent host, the bridge version, the mount engines available there and the volume drivers discovered.',
      type: 'object',
      required: ['agent', 'version', 'engines', 'drivers'],
      properties: {
        agent: {
          description: 'Name of the agent host the bridge runs on.',
          type: 'string',
          maxLength: 256,
        },
        version: {
          description: 'Version of the bridge software.',
          type: 'string',
          maxLength: 64,
          examples: ['0.1.0'],
        },
        engines: {
          description: 'Mount engines usable on this agent.',
          type: 'array',
          items: {
            $ref: '#/definitions/engineName',
          },
          uniqueItems: true,
          maxItems: 3,
        },
        drivers: {
          description: 'Volume drivers (plugins) discovered on the agent.',
          type: 'array',
          maxItems: 1024,
          items: {
            type: 'object',
            required: ['name', 'address', 'capabilities'],
            properties: {
              name: {
                $ref: '#/definitions/driverName',
              },
              address: {
                description: 'Unix socket path of the plugin, or the URL read from its .spec/.json file.',
                type: 'string',
                maxLength: 4096,
                examples: ['/run/docker/plugins/rexray.sock', 'tcp://127.0.0.1:7979'],
              },
              capabilities: {
                description: 'What the plugin answered to VolumeDriver.Capabilities (e.g. {"Scope": "global"}); empty when it did not answer.',
                type: 'object',
              },
            },
          },
        },
      },
    },
    dryRunMountParams: {
      title: 'volume/dryRunMount params',
      description:
        "Mount one external volume on the agent exactly as Marathon would ask Mesos to, check it, and release it again. Nothing is created unless `allowCreate` is true and the token's policy allows it.",
      type: 'object',
      required: ['driver', 'name'],
      properties: {
        driver: {
          $ref: '#/definitions/driverName',
        },
        name: {
          $ref: '#/definitions/volumeName',
        },
        options: {
          description: 'Driver options as Mesos would pass them (the `dvdi/*` options of the Marathon volume with the prefix removed, plus `size`). Keys and values are strings.',
          type: 'object',
          maxProperties: 64,
          propertyNames: {
            minLength: 1,
            maxLength: 256,
          },
          additionalProperties: {
            type: 'string',
            maxLength: 4096,
          },
          examples: [
            {
              volumetype: 'gp2',
              size: '10',
            },
          ],
        },
        containerPath: {
          description: 'Where the task would see the volume; only used to report what Marathon would do.',
          type: 'string',
          minLength: 1,
          maxLength: 4096,
          examples: ['/var/lib/postgresql/data'],
        },
        mode: {
          description: "Access mode, as the volume's `mode` in Marathon.",
          type: 'string',
          enum: ['RW', 'RO'],
          default: 'RW',
        },
        engine: {
          description: "Engine to use; the bridge's configured default when absent.",
          $ref: '#/definitions/engineName',
        },
        allowCreate: {
          description: 'Whether a missing volume may be created (only honoured if the token\'s policy allows it). When false, a missing volume yields the verdict "would-create".',
          type: 'boolean',
          default: false,
        },
      },
      additionalProperties: false,
    },
    dryRunStep: {
      description: 'One step of a dry run, in the order it ran.',
      type: 'object',
      required: ['step', 'ok', 'ms'],
      properties: {
        step: {
          description: 'Step name, e.g. "discover", "get", "mount", "probe", "unmount".',
          type: 'string',
          maxLength: 128,
        },
        ok: {
          type: 'boolean',
        },
        ms: {
          description: 'Wall-clock duration of the step in milliseconds.',
          type: 'number',
          minimum: 0,
        },
        detail: {
          description: "What happened, in words; the driver's error text when the step failed.",
          type: 'string',
          maxLength: 65536,
        },
      },
    },
    dryRunMountResult: {
      title: 'volume/dryRunMount result',
      description: 'The verdict of a dry run and the steps that led to it.',
      type: 'object',
      required: ['verdict', 'steps', 'warnings'],
      properties: {
        verdict: {
          description:
            'mounted-and-released: the volume mounted and was released again; would-create: the volume does not exist and would be created by the driver on first mount; in-use: a task (or another mount) holds it; refused: the policy or a safety rule forbade the attempt; failed: the driver could not mount it.',
          type: 'string',
          enum: ['mounted-and-released', 'would-create', 'in-use', 'refused', 'failed'],
        },
        mountpoint: {
          description: 'Host path the driver mounted the volume at.',
          type: 'string',
          maxLength: 4096,
        },
        steps: {
          type: 'array',
          items: {
            $ref: '#/definitions/dryRunStep',
          },
          maxItems: 256,
        },
        warnings: {
          description: 'Things that did not stop the dry run but would matter to Marathon or Mesos.',
          type: 'array',
          items: {
            type: 'string',
            maxLength: 4096,
          },
          maxItems: 256,
        },
      },
    },
    dryRunProgressParams: {
      title: 'volume/dryRunProgress notification params',
      description: 'Sent by the bridge while a `volume/dryRunMount` request runs, once per step start and end.',
      type: 'object',
      required: ['id', 'step', 'status'],
      properties: {
        id: {
          description: 'Id of the `volume/dryRunMount` request this progress belongs to.',
          $ref: '#/definitions/requestId',
        },
        step: {
          type: 'string',
          maxLength: 128,
        },
        status: {
          type: 'string',
          enum: ['started', 'ok', 'failed', 'skipped'],
        },
      },
      additionalProperties: false,
    },
    cancelRequestParams: {
      title: '$/cancelRequest notification params',
      description: 'Asks the bridge to stop a running request. A cancelled dry run still releases whatever it mounted.',
      type: 'object',
      required: ['id'],
      properties: {
        id: {
          $ref: '#/definitions/requestId',
        },
      },
      additionalProperties: false,
    },
    volumeListParams: {
      title: 'volume/list params',
      description: 'List the volumes a driver knows on this agent.',
      type: 'object',
      required: ['driver'],
      properties: {
        driver: {
          $ref: '#/definitions/driverName',
        },
      },
      additionalProperties: false,
    },
    volumeListResult: {
      title: 'volume/list result',
      type: 'object',
      required: ['volumes'],
      properties: {
        volumes: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name', 'inUse'],
            properties: {
              name: {
                type: 'string',
                maxLength: 4096,
              },
              mountpoint: {
                type: 'string',
                maxLength: 4096,
              },
              inUse: {
                description: 'Whether a Mesos isolator checkpoint or a live mount references the volume on this agent.',
                type: 'boolean',
              },
            },
          },
        },
      },
    },
  },
};

/** The published protocol schema text, exactly as written to disk. */
export function renderBridgeProtocolSchema(): [fileName: string, text: string] {
  const schema = { $schema: 'http://json-schema.org/draft-07/schema#', $id: SCHEMA_BASE_URL + bridgeProtocolSchemaFile, ...bridgeProtocolSource };
  return [bridgeProtocolSchemaFile, JSON.stringify(schema, null, 2) + '\n'];
}
