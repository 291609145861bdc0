<?php
// What a PHP portal backend sees: cakap-load's requests (cakap-load --print-requests)
// sent one at a time over HTTP/JSON with the PHP client (clients/php: curl keep-alive,
// json_encode of the request, json_decode of the whole reply, matchCandidates()), closed loop, for a fixed
// time after a warmup. Prints a JSON array of one row per class with the latency
// percentiles, in the shape of cakap-load's rows, so the benchmark report sets them beside
// cakap-load's gRPC rows (scripts/bench-cakapd.sh, transport php-http-json).
//
//   build/bench/load/cakap-load --print-requests --classes local10 > requests.jsonl
//   php bench/load/replay.php --url http://127.0.0.1:7880 --requests requests.jsonl \
//       --duration 5 --warmup 1 [--key KEY]
//
// Only Debian's php-cli and php-curl; nothing is downloaded.
declare(strict_types=1);

require __DIR__ . '/../../clients/php/autoload.php';

use Cakap\Client;

$opts = getopt('', ['url:', 'requests:', 'duration:', 'warmup:', 'key:']);
foreach (['url', 'requests'] as $required) {
    if (!isset($opts[$required])) {
        fwrite(STDERR, "replay.php: --$required is required\n");
        exit(2);
    }
}
$duration = (float)($opts['duration'] ?? 5);
$warmup = (float)($opts['warmup'] ?? 1);
$client = new Client($opts['url'], $opts['key'] ?? null);

// Requests by class, in file order: the PHP arrays json_decode gives, as a backend
// builds them.
$byClass = [];
foreach (new SplFileObject($opts['requests']) as $line) {
    if (trim((string)$line) === '') {
        continue;
    }
    $row = json_decode((string)$line, true, 512, JSON_THROW_ON_ERROR);
    $byClass[$row['class']][] = $row['request'];
}

function percentile(array $sorted, float $q): float
{
    $i = (int)min(count($sorted) - 1, max(0, (int)ceil($q * count($sorted)) - 1));
    return $sorted[$i];
}

$rows = [];
foreach ($byClass as $class => $requests) {
    $next = 0;
    $call = function () use ($client, $requests, &$next): void {
        $request = $requests[$next];
        $next = ($next + 1) % count($requests);
        // As a backend calls it: the request array as JSON, the reply decoded whole (and
        // the client's filling in of the zero values JSON leaves out).
        $client->matchCandidates($request['vacancy'], $request['options'] ?? []);
    };
    $end = hrtime(true) + (int)($warmup * 1e9);
    while (hrtime(true) < $end) {
        $call();
    }
    $samples = [];
    $errors = 0;
    $start = hrtime(true);
    $end = $start + (int)($duration * 1e9);
    while (($sent = hrtime(true)) < $end) {
        try {
            $call();
            $samples[] = (hrtime(true) - $sent) / 1e6;
        } catch (Throwable $e) {
            $errors++;  // never a latency, as in cakap-load
        }
    }
    $wall = (hrtime(true) - $start) / 1e9;
    sort($samples);
    $n = count($samples);
    $rows[] = [
        'class' => $class,
        'transport' => 'php-http-json',
        'concurrency' => 1,
        'calls' => $n,
        'errors' => $errors,
        'qps' => $n / $wall,
        'p50_ms' => $n ? percentile($samples, 0.50) : null,
        'p99_ms' => $n ? percentile($samples, 0.99) : null,
    ];
}
echo json_encode($rows, JSON_PRETTY_PRINT), "\n";
