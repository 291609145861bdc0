<?php

declare(strict_types=1);

namespace Cakap\Tests;

use Cakap\CakapException;

/**
 * AlertService.WatchVacancy through watchVacancy(): a Connect server stream read with
 * curl, against a real cakapd (and, for envelopes split across reads and a cut stream,
 * tests/dribble-server.php). The tests run in file order and share the cursors.
 */
final class WatchTest extends LiveServerTestCase
{
    /** The starting cursor of the first watch: before ww-1 was written. */
    private static string $beforeFirst = '';
    /** The cursor watchVacancy returned after ww-1's alert. */
    private static string $afterFirst = '';

    public function testAnAlertArrivesForAWorkerWrittenDuringTheWatch(): void
    {
        $portal = self::client('portal');
        $portal->upsertVacancy(self::vacancy('wv-1'));
        $alerts = [];
        $heartbeats = [];
        $started = microtime(true);
        $cursor = $portal->watchVacancy('wv-1', function (array $alert) use (&$alerts) {
            $alerts[] = $alert;
            return false;  // the first alert is enough
        }, '', 20000, ['heartbeatSeconds' => 5, 'onHeartbeat' => function (array $hb) use (&$heartbeats, $portal) {
            $heartbeats[] = $hb;
            if (count($heartbeats) === 1) {
                // The stream is open (its first message is a heartbeat): now write, with the
                // watching client itself. A cook matches no welder vacancy: no alert.
                $portal->upsertWorker(self::welder('ww-cook', ['skills' => ['juru masak']]));
                $portal->upsertWorker(self::welder('ww-1'));
            }
        }]);
        $this->assertLessThan(15.0, microtime(true) - $started, 'stopped by the callback, not the deadline');
        $this->assertCount(1, $alerts);
        $alert = $alerts[0];
        $this->assertSame('ww-1', $alert['candidate']['worker']['id']);
        $this->assertSame('Welder ww-1', $alert['candidate']['worker']['displayName']);
        $this->assertGreaterThan(0.0, $alert['candidate']['score']);
        $this->assertSame(0.0, $alert['candidate']['distanceKm']);  // same kabupaten; JSON leaves 0 out
        $this->assertContains('distance', array_column($alert['candidate']['explanation'], 'name'));
        $this->assertIsInt($alert['sequence']);
        $this->assertGreaterThan($heartbeats[0]['sequence'], $alert['sequence']);
        $this->assertNotSame('', $heartbeats[0]['cursor']);
        $this->assertSame($alert['cursor'], $cursor);  // handled: resume after it
        self::$beforeFirst = $heartbeats[0]['cursor'];
        self::$afterFirst = $cursor;
    }

    public function testResumingWithTheReturnedCursorDoesNotRepeat(): void
    {
        $portal = self::client('portal');
        $seen = [];
        $collect = function (array $alert) use (&$seen) {
            $seen[] = $alert['candidate']['worker']['id'];
        };
        // Nothing new since: the watch runs to its deadline, its normal end, and returns.
        $started = microtime(true);
        $cursor = $portal->watchVacancy('wv-1', $collect, self::$afterFirst, 1500);
        $this->assertGreaterThanOrEqual(1.4, microtime(true) - $started);
        $this->assertSame([], $seen);
        $this->assertNotSame('', $cursor);

        $portal->upsertWorker(self::welder('ww-2'));
        $portal->watchVacancy('wv-1', $collect, self::$afterFirst, 1500);
        $this->assertSame(['ww-2'], $seen);  // ww-1 is not repeated
        // From before ww-1: both, in write order, once each; the cook never.
        $seen = [];
        $portal->watchVacancy('wv-1', $collect, self::$beforeFirst, 1500);
        $this->assertSame(['ww-1', 'ww-2'], $seen);
        // From the beginning: every current candidate of the vacancy.
        $seen = [];
        $portal->watchVacancy('wv-1', $collect, '', 1500, ['fromBeginning' => true]);
        $this->assertSame(['ww-1', 'ww-2'], $seen);
    }

    public function testStreamErrorsThrowWithTheirCode(): void
    {
        $portal = self::client('portal');
        $never = fn() => $this->fail('no alert expected');
        $e = self::failure(fn() => $portal->watchVacancy('no-such-vacancy', $never, '', 5000));
        $this->assertSame('not_found', $e->connectCode);
        $this->assertSame(200, $e->httpStatus);  // a stream's error is its end message
        $this->assertSame(5, $e->getCode());

        $e = self::failure(fn() => $portal->watchVacancy('wv-1', $never, 'not-a-cursor', 5000));
        $this->assertSame('invalid_argument', $e->connectCode);
        $this->assertSame('cursor', $e->field);
        $this->assertSame('not-a-cursor', $e->cursor);

        $e = self::failure(fn() => $portal->watchVacancy('wv-1', $never, self::$afterFirst, 5000,
                                                         ['fromBeginning' => true]));
        $this->assertSame('invalid_argument', $e->connectCode);

        $e = self::failure(fn() => (new \Cakap\Client(self::$server->baseUrl, 'cakap_not-a-key'))
            ->watchVacancy('wv-1', $never, '', 5000));
        $this->assertSame('unauthenticated', $e->connectCode);

        // A partner sees open vacancies and its own; another's closed one is not found.
        $portal->upsertVacancy(self::vacancy('wv-closed', ['open' => false, 'owner' => 'pt-lain']));
        $e = self::failure(fn() => self::client('partner')->watchVacancy('wv-closed', $never, '', 5000));
        $this->assertSame('not_found', $e->connectCode);

        // What the callback throws comes out as it is; the client goes on working.
        $portal->upsertWorker(self::welder('ww-3'));
        try {
            $portal->watchVacancy('wv-1', fn() => throw new \DomainException('handler broke'),
                                  self::$afterFirst, 5000);
            $this->fail('expected the DomainException');
        } catch (\DomainException $e) {
            $this->assertSame('handler broke', $e->getMessage());
        }
        $this->assertSame('ww-3', $portal->getWorker('ww-3')['id']);
    }

    public function testPartnerAlertsAreRedacted(): void
    {
        $alerts = [];
        self::client('partner')->watchVacancy('wv-1', function (array $a) use (&$alerts) {
            $alerts[] = $a;
        }, self::$beforeFirst, 1500);
        $this->assertSame(['ww-1', 'ww-2', 'ww-3'],
                          array_map(fn($a) => $a['candidate']['worker']['id'], $alerts));
        foreach ($alerts as $a) {
            $this->assertNotContains('welfare', array_column($a['candidate']['explanation'], 'name'));
        }
    }

    /** Every envelope arrives split over many curl writes; then the stream ends in an error. */
    public function testEnvelopesSplitAcrossWritesAndTheEndOfStreamError(): void
    {
        $alert = ['candidate' => ['worker' => ['id' => 'w-x'], 'score' => 0.5], 'cursor' => 'c-2', 'sequence' => '7'];
        [$cursor, $seen, $e] = $this->dribble(
            self::envelope(0, ['cursor' => 'c-1', 'sequence' => '6'])
            . self::envelope(0, $alert)
            . self::envelope(2, ['error' => ['code' => 'unavailable', 'message' => 'shutting down']]));
        $this->assertSame([['candidate' => ['worker' => ['id' => 'w-x'], 'score' => 0.5, 'distanceKm' => 0.0,
                                            'explanation' => []],
                            'cursor' => 'c-2', 'sequence' => 7]], $seen);
        $this->assertNull($cursor);
        $this->assertSame('unavailable', $e->connectCode);
        $this->assertSame('shutting down', $e->getMessage());
        $this->assertSame('c-2', $e->cursor);  // reconnect from here
    }

    public function testAStreamCutBeforeItsEndIsUnavailable(): void
    {
        $whole = self::envelope(0, ['cursor' => 'c-1', 'sequence' => '6']);
        $cut = self::envelope(0, ['candidate' => ['worker' => ['id' => 'w-x']], 'cursor' => 'c-2']);
        [, $seen, $e] = $this->dribble($whole . substr($cut, 0, 12));
        $this->assertSame([], $seen);
        $this->assertSame('unavailable', $e->connectCode);
        $this->assertSame('c-1', $e->cursor);  // the heartbeat was handled, the cut alert not
        $this->assertStringContainsString('without its end-of-stream message', $e->getMessage());
    }

    private static function envelope(int $flags, array $message): string
    {
        $json = json_encode($message);
        return chr($flags) . pack('N', strlen($json)) . $json;
    }

    /**
     * Watches through tests/dribble-server.php writing $body.
     *
     * @return array{0:?string, 1:list<array>, 2:?CakapException} the cursor returned, the
     *         alerts, the exception thrown
     */
    private function dribble(string $body): array
    {
        $file = self::$server->tmp . '/dribble-' . bin2hex(random_bytes(4));
        file_put_contents($file, $body);
        $p = proc_open([PHP_BINARY, __DIR__ . '/dribble-server.php', $file],
                       [1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
        try {
            $port = (int)fgets($pipes[1]);
            $this->assertGreaterThan(0, $port);
            $client = new \Cakap\Client("http://127.0.0.1:$port", 'k');
            $seen = [];
            $cursor = null;
            $e = null;
            try {
                $cursor = $client->watchVacancy('v', function (array $a) use (&$seen) {
                    $seen[] = $a;
                }, '', 20000);
            } catch (CakapException $caught) {
                $e = $caught;
            }
            return [$cursor, $seen, $e];
        } finally {
            fclose($pipes[1]);
            proc_close($p);
        }
    }
}
