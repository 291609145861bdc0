<?php
// PSR-4 autoloading of Cakap\ from src/, for use without composer:
//   require '/path/to/clients/php/autoload.php';
spl_autoload_register(static function (string $class): void {
    if (str_starts_with($class, 'Cakap\\')) {
        $file = __DIR__ . '/src/' . str_replace('\\', '/', substr($class, 6)) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});
