<?php

declare(strict_types=1);

namespace Cakap\Tests;

use Cakap\CakapException;
use Cakap\Client;
use PHPUnit\Framework\TestCase;

/**
 * The client over HTTPS: cakapd with --tls-cert serves HTTP/JSON with TLS too; the client
 * verifies the certificate against caFile, and refuses it without.
 */
final class TlsTest extends TestCase
{
    private static ?CakapdServer $server = null;

    public static function setUpBeforeClass(): void
    {
        self::$server = new CakapdServer(true);
    }

    public static function tearDownAfterClass(): void
    {
        if (self::$server !== null) {
            $log = self::$server->log();
            $code = self::$server->stop();
            self::$server = null;
            if ($code !== 0) {
                throw new \RuntimeException("cakapd exited with $code:\n$log");
            }
        }
    }

    public function testVerifiedWithCaFile(): void
    {
        $this->assertStringStartsWith('https://', self::$server->baseUrl);
        $c = new Client(self::$server->baseUrl, self::$server->keys['admin'],
                        ['timeoutMs' => 15000, 'caFile' => self::$server->caFile]);
        $this->assertSame(0, $c->stats()['workers']);
        $c->upsertWorker(['id' => 'w-tls', 'domicile' => ['regionCode' => '63.11'], 'skills' => ['welder']]);
        $this->assertSame('w-tls', $c->getWorker('w-tls')['id']);
        $c->close();  // no idle connection left for the server's shutdown to wait on
    }

    public function testRefusedWithoutTheCa(): void
    {
        $c = new Client(self::$server->baseUrl, self::$server->keys['admin'], ['timeoutMs' => 15000]);
        try {
            $c->stats();
            $this->fail('expected a CakapException');
        } catch (CakapException $e) {
            $this->assertSame('unavailable', $e->connectCode);
            $this->assertSame(0, $e->httpStatus);
            $this->assertMatchesRegularExpression('/certificate/i', $e->getMessage());
        }
    }
}
