import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  ERROR_CODES,
  FIELD_ERROR_CODES,
  type ApiErrorBody,
  type ErrorCode,
  type ErrorParams,
  type FieldError,
  type FieldErrorCode,
} from '@bravo/shared';

// What a message needs, e.g. `{ min: 10 }`: string or number values.
const PARAMS_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
};

export class FieldErrorResponse implements FieldError {
  /** Dotted path of the offending field, e.g. `email` or `rules.allowanceEmployee`. */
  field: string;
  @ApiProperty({ enum: FIELD_ERROR_CODES, enumName: 'FieldErrorCode' })
  code: FieldErrorCode;
  @ApiProperty(PARAMS_SCHEMA)
  params: ErrorParams;
}

/** The body of every error response. */
export class ApiErrorResponse implements ApiErrorBody {
  statusCode: number;
  @ApiProperty({ enum: ERROR_CODES, enumName: 'ErrorCode' })
  code: ErrorCode;
  /** What the message of `code` needs, e.g. `{ minutes: 3 }` for `too_many_attempts`. */
  @ApiPropertyOptional(PARAMS_SCHEMA)
  params?: ErrorParams;
  /** For logs and people reading the API by hand; the web words `code` itself. */
  message: string;
  @ApiPropertyOptional({ type: [FieldErrorResponse] })
  details?: FieldError[];
}
