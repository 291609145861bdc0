<?php

declare(strict_types=1);

namespace Cakap\Tests;

use Cakap\CakapException;
use Cakap\Client;
use PHPUnit\Framework\TestCase;

/**
 * A test class with a cakapd of its own (tests/CakapdServer.php), started before its
 * first test and stopped (exit 0 required) after its last, so what one class stores
 * never shifts the counts another asserts. Its tests run in file order on that server.
 */
abstract class LiveServerTestCase extends TestCase
{
    protected static ?CakapdServer $server = null;
    /**
     * @var list<Client> the clients of the running test, closed when it ends: cakapd's
     * HTTP server gives each open connection a thread of a small pool, so idle kept-alive
     * connections piling up would make later ones wait, and its shutdown waits for them
     */
    protected static array $clients = [];

    public static function setUpBeforeClass(): void
    {
        static::$server = new CakapdServer();
    }

    protected function tearDown(): void
    {
        foreach (self::$clients as $c) {
            $c->close();
        }
        self::$clients = [];
    }

    public static function tearDownAfterClass(): void
    {
        if (static::$server !== null) {
            $log = static::$server->log();
            $code = static::$server->stop();
            static::$server = null;
            if ($code !== 0) {
                throw new \RuntimeException("cakapd exited with $code:\n$log");
            }
        }
    }

    /** A client with the test server's key of $role ('portal', 'partner', 'admin'; null: none). */
    protected static function client(?string $role, array $options = []): Client
    {
        $key = $role === null ? null : static::$server->keys[$role];
        return self::$clients[] = new Client(static::$server->baseUrl, $key,
                                             $options + ['timeoutMs' => 15000]);
    }

    /** Runs $call and returns the CakapException it must throw. */
    protected static function failure(callable $call): CakapException
    {
        try {
            $call();
        } catch (CakapException $e) {
            return $e;
        }
        self::fail('expected a CakapException');
    }

    /** A welder of Kabupaten Balangan (63.11) unless $extra says otherwise. */
    protected static function welder(string $id, array $extra = []): array
    {
        return $extra + ['id' => $id, 'displayName' => "Welder $id",
                         'domicile' => ['regionCode' => '63.11'], 'skills' => ['juru las'],
                         'employmentStatus' => 'EMPLOYMENT_STATUS_SEEKING'];
    }

    /** An open vacancy for welders in Balangan. */
    protected static function vacancy(string $id, array $extra = []): array
    {
        return $extra + ['id' => $id, 'employer' => 'PT Contoh Konstruksi', 'title' => "Welder $id",
                         'requiredSkills' => ['LAS'], 'location' => ['regionCode' => '63.11'],
                         'radiusKm' => 50.0, 'openings' => 1, 'open' => true];
    }
}
