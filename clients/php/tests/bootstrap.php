<?php
require __DIR__ . '/../autoload.php';
require __DIR__ . '/CakapdServer.php';
require __DIR__ . '/Fixtures.php';
require __DIR__ . '/LiveServerTestCase.php';
