import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODES, type ApiErrorBody, type ErrorCode, type FieldError } from '@bravo/shared';

export class FieldErrorResponse implements FieldError {
  /** Dotted path of the offending field, e.g. `email` or `rules.allowanceEmployee`. */
  field: string;
  message: string;
}

/** The body of every error response. */
export class ApiErrorResponse implements ApiErrorBody {
  statusCode: number;
  @ApiProperty({ enum: ERROR_CODES, enumName: 'ErrorCode' })
  code: ErrorCode;
  message: string;
  @ApiPropertyOptional({ type: [FieldErrorResponse] })
  details?: FieldError[];
}
