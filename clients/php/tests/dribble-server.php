<?php
// A fake Connect server for WatchTest: accepts one connection on 127.0.0.1 (the port is
// printed on stdout), reads the request, answers 200 and writes the body given in the
// file argv[1] one byte at a time with a pause between, so every envelope reaches the
// client split across many writes; then closes the connection.
declare(strict_types=1);

$body = file_get_contents($argv[1]);
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
if ($server === false) {
    fwrite(STDERR, "listen: $errstr\n");
    exit(1);
}
echo substr(strrchr(stream_socket_get_name($server, false), ':'), 1), "\n";
fflush(STDOUT);
$conn = stream_socket_accept($server, 30);
if ($conn === false) {
    exit(1);
}
$request = '';
while (!str_contains($request, "\r\n\r\n") && !feof($conn)) {
    $request .= fread($conn, 8192);
}
if (preg_match('/content-length: *(\d+)/i', $request, $m) === 1) {
    $need = strpos($request, "\r\n\r\n") + 4 + (int)$m[1];
    while (strlen($request) < $need && !feof($conn)) {
        $request .= fread($conn, 8192);
    }
}
fwrite($conn, "HTTP/1.1 200 OK\r\nContent-Type: application/connect+json\r\nConnection: close\r\n\r\n");
fflush($conn);
for ($i = 0, $n = strlen($body); $i < $n; $i++) {
    fwrite($conn, $body[$i]);
    fflush($conn);
    usleep(300);
}
fclose($conn);
