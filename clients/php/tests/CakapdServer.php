<?php

declare(strict_types=1);

namespace Cakap\Tests;

/**
 * A real cakapd for the tests: the binary named by CAKAPD (default
 * ../../build/service/cakapd from clients/php), on a temporary data directory and keys
 * file with a portal, a partner and an admin key, serving HTTP on 127.0.0.1 with an
 * ephemeral port read from its start log line. Stopped with SIGTERM; it must exit 0.
 */
final class CakapdServer
{
    private const START_TIMEOUT_S = 30;
    private const STOP_TIMEOUT_S = 20;

    public readonly string $baseUrl;
    /** @var array{portal:string, partner:string, admin:string} */
    public readonly array $keys;
    public readonly string $tmp;
    /** With TLS: the self-signed certificate, to pass as the client's caFile. */
    public readonly ?string $caFile;

    /** @var resource */
    private $process;
    private string $logFile;

    public static function binary(): string
    {
        $path = getenv('CAKAPD') ?: __DIR__ . '/../../../build/service/cakapd';
        if (!is_file($path) || !is_executable($path)) {
            throw new \RuntimeException("cakapd not found at $path: build it "
                . '(cmake --build build --target cakapd) or set CAKAPD');
        }
        return realpath($path);
    }

    public function __construct(bool $tls = false)
    {
        $bin = self::binary();
        $this->tmp = rtrim(sys_get_temp_dir(), '/') . '/cakap-php-test-' . bin2hex(random_bytes(6));
        mkdir($this->tmp . '/data', 0700, true);
        $keysFile = $this->tmp . '/keys';
        $this->keys = [
            'portal' => self::addKey($bin, $keysFile, 'portal-test', 'portal'),
            'partner' => self::addKey($bin, $keysFile, 'partner-test', 'partner'),
            'admin' => self::addKey($bin, $keysFile, 'admin-test', 'admin'),
        ];
        // stderr goes to a file, never a pipe nobody drains (a full pipe would block cakapd).
        $this->logFile = $this->tmp . '/cakapd.log';
        $args = [$bin, '--data', $this->tmp . '/data', '--keys', $keysFile,
                 '--listen', '127.0.0.1:0', '--http-listen', '127.0.0.1:0', '--shutdown-grace', '2'];
        $this->caFile = $tls ? $this->tmp . '/cert.pem' : null;
        if ($tls) {
            self::selfSignedCert($this->caFile, $this->tmp . '/key.pem');
            array_push($args, '--tls-cert', $this->caFile, '--tls-key', $this->tmp . '/key.pem');
        }
        $this->process = proc_open(
            $args,
            [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'],
             2 => ['file', $this->logFile, 'w']],
            $pipes
        );
        if (!is_resource($this->process)) {
            throw new \RuntimeException("cannot run $bin");
        }
        $port = $this->waitForHttpPort();
        $this->baseUrl = ($tls ? 'https' : 'http') . "://127.0.0.1:$port";
    }

    /** The server's log so far (for failure messages). */
    public function log(): string
    {
        return (string)@file_get_contents($this->logFile);
    }

    /** SIGTERM, then waits; returns the exit code (SIGKILL after the timeout: -1). */
    public function stop(): int
    {
        proc_terminate($this->process, 15);
        $deadline = microtime(true) + self::STOP_TIMEOUT_S;
        while (true) {
            $status = proc_get_status($this->process);
            if (!$status['running']) {
                $code = $status['signaled'] ? -1 : $status['exitcode'];
                proc_close($this->process);
                self::removeTree($this->tmp);
                return $code;
            }
            if (microtime(true) > $deadline) {
                proc_terminate($this->process, 9);
            }
            usleep(20000);
        }
    }

    /** A certificate for 127.0.0.1 and its key (openssl, one day). */
    private static function selfSignedCert(string $cert, string $key): void
    {
        $cmd = ['openssl', 'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
                '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
                '-keyout', $key, '-out', $cert];
        $p = proc_open($cmd, [1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
        if (proc_close($p) !== 0 || !is_file($cert)) {
            throw new \RuntimeException('openssl could not make a test certificate');
        }
    }

    private static function addKey(string $bin, string $keysFile, string $name, string $role): string
    {
        $cmd = [$bin, 'keys', 'add', '--keys', $keysFile, '--name', $name, '--role', $role];
        $p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
        $out = stream_get_contents($pipes[1]);
        $err = stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        $rc = proc_close($p);
        $lines = preg_split('/\n/', trim((string)$out));
        $key = trim((string)end($lines));
        if ($rc !== 0 || preg_match('/^\S{16,}$/', $key) !== 1) {
            throw new \RuntimeException("cakapd keys add printed no key (rc $rc): $out $err");
        }
        return $key;
    }

    /** Reads the log until the start line names the HTTP port. */
    private function waitForHttpPort(): int
    {
        $deadline = microtime(true) + self::START_TIMEOUT_S;
        while (microtime(true) < $deadline) {
            foreach (explode("\n", $this->log()) as $line) {
                $event = json_decode($line, true);
                if (is_array($event) && ($event['event'] ?? '') === 'start'
                    && is_int($event['http_port'] ?? null) && $event['http_port'] > 0) {
                    return $event['http_port'];
                }
            }
            if (!proc_get_status($this->process)['running']) {
                throw new \RuntimeException("cakapd exited before starting:\n" . $this->log());
            }
            usleep(20000);
        }
        proc_terminate($this->process, 9);
        throw new \RuntimeException('cakapd did not report its HTTP port within '
            . self::START_TIMEOUT_S . " s:\n" . $this->log());
    }

    private static function removeTree(string $dir): void
    {
        if (!is_dir($dir)) {
            return;
        }
        $it = new \RecursiveIteratorIterator(
            new \RecursiveDirectoryIterator($dir, \FilesystemIterator::SKIP_DOTS),
            \RecursiveIteratorIterator::CHILD_FIRST
        );
        foreach ($it as $f) {
            $f->isDir() && !$f->isLink() ? rmdir($f->getPathname()) : unlink($f->getPathname());
        }
        rmdir($dir);
    }
}
