import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { OpenAPIObject } from 'trpc-to-openapi';

type Method = 'get' | 'post' | 'delete';

interface Parameter {
  in: 'path' | 'query';
  name: string;
  required?: boolean;
  schema: Record<string, unknown>;
}

/** `/v1/promises/{id}` → `~1v1~1promises~1{id}`: a JSON pointer segment. */
function pointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * Checks requests and responses against the OpenAPI document a server serves: JSON bodies with
 * the document's own schemas (JSON Schema 2020-12, as OpenAPI 3.1 says), path and query
 * parameters with each parameter's schema. Each check throws with what did not match.
 */
export class OpenApiContract {
  private readonly ajv: Ajv2020;
  private readonly queryAjv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenAPIObject) {
    // The document's own keywords (`example`, `discriminator`) are notes, not rules.
    this.ajv = addFormats.default(new Ajv2020({ strict: false, allErrors: true }));
    this.ajv.addSchema(document as object, 'openapi.json');
    // Query and path values arrive as text: numbers are read as numbers first.
    this.queryAjv = addFormats.default(new Ajv2020({ strict: false, coerceTypes: true }));
  }

  private operation(method: Method, path: string) {
    const operation = this.document.paths?.[path]?.[method];
    if (operation === undefined)
      throw new Error(`the document has no ${method.toUpperCase()} ${path}`);
    return operation;
  }

  private check(ref: string, value: unknown, what: string): void {
    let validate = this.compiled.get(ref);
    if (validate === undefined) {
      validate = this.ajv.compile({ $ref: `openapi.json#${ref}` });
      this.compiled.set(ref, validate);
    }
    if (!validate(value)) {
      throw new Error(
        `${what} does not match the document: ${this.ajv.errorsText(validate.errors)}\n${JSON.stringify(value).slice(0, 2000)}`,
      );
    }
  }

  /** The request a test is about to send, as the document describes it. */
  checkRequest(
    method: Method,
    path: string,
    request: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown },
  ): void {
    const operation = this.operation(method, path);
    // The generator writes parameters inline (never as $ref), each with its schema.
    const parameters = (operation.parameters ?? []) as unknown as Parameter[];
    for (const parameter of parameters) {
      const given = parameter.in === 'path' ? request.params : request.query;
      const value = given?.[parameter.name];
      if (value === undefined) {
        if (parameter.required === true) throw new Error(`${parameter.name} is required`);
        continue;
      }
      const holder = { value };
      const validate = this.queryAjv.compile({
        type: 'object',
        properties: { value: parameter.schema },
      });
      if (!validate(holder)) {
        throw new Error(
          `${parameter.in} parameter ${parameter.name}: ${this.queryAjv.errorsText(validate.errors)}`,
        );
      }
    }
    const declared = new Set(parameters.map((parameter) => parameter.name));
    for (const name of [
      ...Object.keys(request.params ?? {}),
      ...Object.keys(request.query ?? {}),
    ]) {
      if (!declared.has(name)) throw new Error(`the document declares no parameter ${name}`);
    }
    if (request.body === undefined) return;
    if (operation.requestBody === undefined) throw new Error(`${path} takes no body`);
    this.check(
      `/paths/${pointer(path)}/${method}/requestBody/content/application~1json/schema`,
      request.body,
      `the request body of ${method.toUpperCase()} ${path}`,
    );
  }

  /** A response received, against the document's response for its status. */
  checkResponse(method: Method, path: string, status: number, body: unknown): void {
    const operation = this.operation(method, path);
    if (operation.responses?.[String(status)] === undefined) {
      throw new Error(`${method.toUpperCase()} ${path} does not document a ${status}`);
    }
    this.check(
      `/paths/${pointer(path)}/${method}/responses/${status}/content/application~1json/schema`,
      body,
      `the ${status} response of ${method.toUpperCase()} ${path}`,
    );
  }
}
