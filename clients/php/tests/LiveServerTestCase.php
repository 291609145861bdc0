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
    /** @var list<Client> the running test's clients, closed when it ends (see ClientTest) */
    private static array $clients = [];

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

    /** A client with the test server's key of $role ('portal', 'partner', 'admin'). */
    protected static function client(string $role, array $options = []): Client
    {
        return self::$clients[] = new Client(static::$server->baseUrl, static::$server->keys[$role],
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
