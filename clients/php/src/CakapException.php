<?php

declare(strict_types=1);

namespace Cakap;

/**
 * A call to cakapd that did not succeed: a Connect error from the server, or a transport
 * failure (connection refused, TLS, client-side timeout) with httpStatus 0.
 *
 *   $e->connectCode   "invalid_argument", "not_found", "unauthenticated", ...
 *   $e->httpStatus    the HTTP status (400, 404, 401, ...); 0 when no reply came
 *   $e->getMessage()  the server's message, e.g. "options.page_size: 100000 is not in [0, 200]"
 *   $e->field         the field path at fault ("options.page_size"), or null
 *   $e->cursor        a watch (Client::watchVacancy) that failed: the cursor to resume
 *                     from (of the last message handled), else ''
 *
 * A server stream's error arrives after HTTP 200 (in its end-of-stream message), so its
 * httpStatus is 200.
 */
final class CakapException extends \RuntimeException
{
    /** The Connect codes, in the order of their gRPC numbers (getCode() returns that number). */
    private const GRPC_NUMBERS = [
        'canceled' => 1, 'unknown' => 2, 'invalid_argument' => 3, 'deadline_exceeded' => 4,
        'not_found' => 5, 'already_exists' => 6, 'permission_denied' => 7,
        'resource_exhausted' => 8, 'failed_precondition' => 9, 'aborted' => 10,
        'out_of_range' => 11, 'unimplemented' => 12, 'internal' => 13, 'unavailable' => 14,
        'data_loss' => 15, 'unauthenticated' => 16,
    ];

    public readonly string $connectCode;
    public readonly int $httpStatus;
    public readonly ?string $field;
    public readonly string $cursor;

    public function __construct(string $connectCode, string $message, int $httpStatus = 0,
                                ?\Throwable $previous = null, string $cursor = '')
    {
        parent::__construct($message, self::GRPC_NUMBERS[$connectCode] ?? 2, $previous);
        $this->connectCode = $connectCode;
        $this->httpStatus = $httpStatus;
        $this->field = self::fieldOf($message);
        $this->cursor = $cursor;
    }

    /**
     * The field path a message starts with ("vacancy.radius_km: ..." -> "vacancy.radius_km",
     * "certificates[0].kkni_level: ..." too), or null when it names none: cakapd names
     * fields in snake_case, so "request body: ..." or "Content-Type: ..." are no fields.
     */
    public static function fieldOf(string $message): ?string
    {
        $segment = '[a-z_][a-z0-9_]*(?:\[\d+\])*';
        if (preg_match('/^(' . $segment . '(?:\.' . $segment . ')*): /', $message, $m) === 1) {
            return $m[1];
        }
        return null;
    }

    /**
     * The exception for a non-200 reply: the Connect error body when there is one, else
     * the code the Connect protocol assigns to the bare HTTP status.
     */
    public static function fromReply(int $httpStatus, string $body): self
    {
        $error = json_decode($body, true);
        if (is_array($error) && isset($error['code']) && is_string($error['code'])) {
            return new self($error['code'], (string)($error['message'] ?? ''), $httpStatus);
        }
        $code = match ($httpStatus) {
            400 => 'internal',
            401 => 'unauthenticated',
            403 => 'permission_denied',
            404 => 'unimplemented',
            429, 502, 503, 504 => 'unavailable',
            default => 'unknown',
        };
        $text = trim(substr($body, 0, 200));
        return new self($code, "HTTP $httpStatus" . ($text === '' ? '' : ": $text"), $httpStatus);
    }
}
