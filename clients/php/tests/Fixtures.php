<?php

declare(strict_types=1);

namespace Cakap\Tests;

/**
 * The test data: welders around Kabupaten Balangan (63.11) and Banjarmasin (63.71).
 * Four welders satisfy the open vacancy; with BNSP required only w-1 does, and w-4
 * (BNSP certificate expired) is its near miss.
 */
final class Fixtures
{
    public static function workers(): array
    {
        return [
            [
                'id' => 'w-1', 'displayName' => 'Ahmad Fauzi', 'nik' => '6311010101900001',
                'contact' => ['phone' => '+6281200000001', 'email' => 'ahmad@example.org'],
                'domicile' => ['regionCode' => '63.11', 'kecamatan' => 'Paringin'],
                'skills' => ['welder', 'las smaw'],
                'certificates' => [[
                    'issuer' => 'ISSUER_BNSP', 'issuingBody' => 'LSP Las Indonesia',
                    'skills' => ['LAS.SMAW'], 'kkniLevel' => 3,
                    'issuedOn' => '2025-01-10', 'expiresOn' => '2040-01-10',
                ]],
                'employmentStatus' => 'EMPLOYMENT_STATUS_SEEKING',
                'welfareDecile' => 2,
            ],
            [
                'id' => 'w-2', 'displayName' => 'Siti Rahma', 'nik' => '6311014502920002',
                'domicile' => ['regionCode' => '63.11', 'latitude' => -2.33, 'longitude' => 115.6,
                               'hasCoordinates' => true],
                'skills' => ['LAS.GMAW'],
                'employmentStatus' => 'EMPLOYMENT_STATUS_SEEKING',
                'welfareDecile' => 7,
            ],
            [
                'id' => 'w-3', 'displayName' => 'Budi Santoso',
                'domicile' => ['regionCode' => '63.71'],
                'skills' => ['juru las', 'LAS.GTAW'],
                'willingToRelocate' => true,
            ],
            [
                'id' => 'w-4', 'displayName' => 'Rudi Hartono',
                'domicile' => ['regionCode' => '63.11'],
                'skills' => ['welder'],
                'certificates' => [[
                    'issuer' => 'ISSUER_BNSP', 'skills' => ['LAS.SMAW'], 'kkniLevel' => 3,
                    'issuedOn' => '2019-01-10', 'expiresOn' => '2022-01-10',
                ]],
            ],
            [
                'id' => 'w-5', 'displayName' => 'Dewi Lestari',
                'domicile' => ['regionCode' => '63.11'],
                'skills' => ['juru masak'],
            ],
        ];
    }

    /** Matches w-1..w-4 (every welder within reach of Balangan). */
    public static function vacancy(): array
    {
        return [
            'id' => 'v-welder', 'employer' => 'PT Contoh Konstruksi', 'title' => 'Welder SMAW',
            'requiredSkills' => ['LAS'], 'preferredSkills' => ['LAS.SMAW'],
            'location' => ['regionCode' => '63.11'], 'radiusKm' => 300.0,
            'openings' => 2, 'open' => true,
        ];
    }

    /** Only w-1 qualifies; w-4 misses on its expired certificate. */
    public static function bnspVacancy(): array
    {
        return ['acceptedIssuers' => ['ISSUER_BNSP'], 'id' => ''] + self::vacancy();
    }

    /** The workers as JSON Lines, plus a bad record (latitude 95) and a line that is no JSON. */
    public static function jsonl(): string
    {
        $lines = [];
        foreach (self::workers() as $w) {
            $lines[] = json_encode($w, JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION);
        }
        array_splice($lines, 2, 0, [json_encode([
            'id' => 'w-bad', 'domicile' => ['latitude' => 95, 'longitude' => 115, 'hasCoordinates' => true],
            'skills' => ['welder'],
        ])]);
        $lines[] = '{"id": "w-broken", ';
        return implode("\n", $lines) . "\n";
    }
}
