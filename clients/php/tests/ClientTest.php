<?php

declare(strict_types=1);

namespace Cakap\Tests;

use Cakap\CakapException;
use Cakap\Client;

/**
 * The PHP client against a real cakapd over HTTP (a server of its own, LiveServerTestCase).
 * The tests run in file order: the import comes first and the others read what it stored.
 */
final class ClientTest extends LiveServerTestCase
{
    public function testHealthAndReadiness(): void
    {
        $this->assertTrue(self::client(null)->healthy());
        $this->assertTrue(self::client(null)->ready());
    }

    public function testImportStreamsAJsonlFileAndReportsEachBadLine(): void
    {
        $file = self::$server->tmp . '/workers.jsonl';
        file_put_contents($file, Fixtures::jsonl());
        $reply = self::client('portal')->importWorkers($file);
        $this->assertSame(5, $reply['accepted']);
        $this->assertSame(2, $reply['rejected']);
        $this->assertCount(2, $reply['rejections']);
        [$bad, $broken] = $reply['rejections'];
        $this->assertSame(2, $bad['index']);
        $this->assertSame('w-bad', $bad['workerId']);
        $this->assertStringStartsWith('domicile.latitude', $bad['reason']);
        $this->assertSame(6, $broken['index']);

        $stored = self::client('portal')->getWorker('w-1');
        $this->assertSame('Ahmad Fauzi', $stored['displayName']);
        $this->assertSame('6311010101900001', $stored['nik']);
        $this->assertSame(2, $stored['welfareDecile']);
        $this->assertSame('ISSUER_BNSP', $stored['certificates'][0]['issuer']);
    }

    /** The 1,200 workers stay (another region and trade): deleting each would cost a commit. */
    public function testImportStreamsAGeneratorAndDeleteRemoves(): void
    {
        $portal = self::client('portal');
        $records = (function () {
            for ($i = 0; $i < 1200; $i++) {  // more than one commit batch of 500
                yield ['id' => "w-gen-$i", 'domicile' => ['regionCode' => '64.72'], 'skills' => ['juru masak']];
            }
        })();
        $reply = $portal->importWorkers($records);
        $this->assertSame(['accepted' => 1200, 'rejected' => 0, 'rejections' => []], $reply);
        $this->assertSame('64.72', $portal->getWorker('w-gen-1199')['domicile']['regionCode']);
        $portal->deleteWorker('w-gen-0');
        $e = self::failure(fn() => $portal->getWorker('w-gen-0'));
        $this->assertSame('not_found', $e->connectCode);
        $this->assertSame(404, $e->httpStatus);
        $this->assertNull($e->field);
    }

    public function testListVacanciesPagesByIdAndAPartnerListsItsOwn(): void
    {
        $portal = self::client('portal');
        $mine = [array_merge(Fixtures::vacancy(), ['id' => 'lv-2', 'owner' => 'partner-test']),
                 array_merge(Fixtures::vacancy(), ['id' => 'lv-1', 'owner' => 'partner-test',
                                                   'open' => false])];
        try {
            foreach ($mine as $v) {
                $portal->upsertVacancy($v);
            }
            $ids = fn($page) => array_map(fn($v) => $v['id'], $page['vacancies'] ?? []);
            $first = $portal->listVacancies(['owner' => 'partner-test', 'pageSize' => 1]);
            $this->assertSame(['lv-1'], $ids($first));
            $second = $portal->listVacancies(['owner' => 'partner-test', 'pageSize' => 1,
                                              'pageToken' => $first['nextPageToken']]);
            $this->assertSame(['lv-2'], $ids($second));
            $this->assertArrayNotHasKey('nextPageToken', $second);
            $partner = self::client('partner');
            $this->assertSame(['lv-1', 'lv-2'], $ids($partner->listVacancies()));
            $this->assertSame(['lv-2'], $ids($partner->listVacancies(['openOnly' => true])));
            $e = self::failure(fn() => $partner->listVacancies(['owner' => 'admin-test']));
            $this->assertSame('permission_denied', $e->connectCode);
            $this->assertSame('owner', $e->field);
            $e = self::failure(fn() => $portal->listVacancies(['pageSize' => 100000]));
            $this->assertSame('invalid_argument', $e->connectCode);
            $this->assertSame('page_size', $e->field);
        } finally {
            foreach ($mine as $v) {
                $portal->deleteVacancy($v['id']);
            }
        }
    }

    public function testUpsertStoresVacancyAndMatchesItById(): void
    {
        $portal = self::client('portal');
        $portal->upsertVacancy(Fixtures::vacancy());
        $stored = $portal->getVacancy('v-welder');
        $this->assertSame('Welder SMAW', $stored['title']);
        $this->assertTrue($stored['open']);

        $result = $portal->matchCandidates('v-welder');
        $this->assertSame(4, $result['total']);
        $ids = array_map(fn($c) => $c['worker']['id'], $result['candidates']);
        $this->assertSame('w-1', $ids[0]);  // certified, in Balangan: ranks first
        $this->assertEqualsCanonicalizing(['w-1', 'w-2', 'w-3', 'w-4'], $ids);
        foreach ($result['candidates'] as $c) {
            // Indexed directly: a component worth 0 is left out of the JSON, the client fills it.
            $sum = array_sum(array_map(fn($e) => $e['value'], $c['explanation']));
            $this->assertEqualsWithDelta($c['score'], $sum, 1e-5, $c['worker']['id']);
        }
        $this->assertSame(['v-welder'], array_map(
            fn($h) => $h['vacancy']['id'], $portal->matchVacancies('w-1', 10)['vacancies']));
    }

    public function testMatchWithFacetsAndNearMisses(): void
    {
        $result = self::client('portal')->matchCandidates(Fixtures::bnspVacancy(),
            ['facets' => true, 'nearMissLimit' => 5]);
        $this->assertSame(1, $result['total']);
        $this->assertSame('w-1', $result['candidates'][0]['worker']['id']);
        $misses = [];
        foreach ($result['nearMisses'] as $n) {
            $misses[$n['candidate']['worker']['id']] = $n;
        }
        $this->assertArrayHasKey('w-4', $misses);
        $this->assertMatchesRegularExpression('/expire/', $misses['w-4']['reason']);
        $regions = array_column($result['facets']['region'], 'count', 'value');
        $this->assertSame(['63.11' => 1], $regions);
        $this->assertSame(1, $result['facets']['issuer'][0]['count']);
    }

    public function testPagesThroughWithPageTokens(): void
    {
        $portal = self::client('portal');
        $all = $portal->matchCandidates(Fixtures::vacancy(), ['pageSize' => 10]);
        $this->assertSame('', $all['nextPageToken']);
        $seen = [];
        $token = '';
        $pages = 0;
        do {
            $page = $portal->matchCandidates(Fixtures::vacancy(), ['pageSize' => 1, 'pageToken' => $token]);
            $this->assertSame(4, $page['total']);
            $this->assertCount(1, $page['candidates']);
            $seen[] = $page['candidates'][0]['worker']['id'];
            $token = $page['nextPageToken'];
        } while ($token !== '' && ++$pages < 10);
        $this->assertSame(array_map(fn($c) => $c['worker']['id'], $all['candidates']), $seen);
    }

    public function testAdminReadsStatsAndGenericCall(): void
    {
        $admin = self::client('admin');
        $stats = $admin->stats();
        $this->assertSame(5 + 1199, $stats['workers']);  // the fixtures and the generator's
        $this->assertSame(1, $stats['vacancies']);
        $this->assertSame(1, $stats['openVacancies']);
        $this->assertGreaterThan(0, $stats['revision']);
        $this->assertGreaterThan(0, $stats['sizeBytes']);
        $raw = $admin->call('cakap.v1.AdminService', 'Stats');
        $this->assertSame('1204', $raw['workers']);  // int64 travels as a string
        $this->assertStringContainsString('# TYPE', $admin->metrics());
    }

    public function testBadFieldThrowsWithCodeAndFieldPath(): void
    {
        $portal = self::client('portal');
        $e = self::failure(fn() => $portal->matchCandidates('v-welder', ['pageSize' => 100000]));
        $this->assertSame('invalid_argument', $e->connectCode);
        $this->assertSame(400, $e->httpStatus);
        $this->assertSame(3, $e->getCode());
        $this->assertSame('options.page_size', $e->field);

        $e = self::failure(fn() => $portal->upsertVacancy(['radiusKm' => -1.0] + Fixtures::vacancy()));
        $this->assertSame('invalid_argument', $e->connectCode);
        $this->assertMatchesRegularExpression('/(^|\.)radius_km$/', (string)$e->field);

        $e = self::failure(fn() => $portal->upsertWorker(
            ['id' => 'w-x', 'domicile' => ['latitude' => 95.0, 'longitude' => 115.0, 'hasCoordinates' => true]]));
        $this->assertMatchesRegularExpression('/(^|\.)domicile\.latitude$/', (string)$e->field);
        $this->assertSame('not_found', self::failure(fn() => $portal->getWorker('w-x'))->connectCode);

        // A field the message type does not have: the JSON is refused before any handler.
        $e = self::failure(fn() => $portal->call('WorkerService', 'GetWorker', ['identifier' => 'w-1']));
        $this->assertSame('invalid_argument', $e->connectCode);
        $this->assertNull($e->field);
    }

    public function testNoKeyOrUnknownKeyIsUnauthenticated(): void
    {
        foreach ([self::client(null), self::$clients[] = new Client(self::$server->baseUrl, 'cakap_not-a-real-key')] as $c) {
            $e = self::failure(fn() => $c->matchCandidates('v-welder'));
            $this->assertSame('unauthenticated', $e->connectCode);
            $this->assertSame(401, $e->httpStatus);
            $this->assertSame(16, $e->getCode());
        }
    }

    public function testPartnerGetsRedactedWorkersAndMayNotWrite(): void
    {
        $partner = self::client('partner');
        $w = $partner->getWorker('w-1');
        $this->assertSame('w-1', $w['id']);
        $this->assertArrayNotHasKey('nik', $w);
        $this->assertArrayNotHasKey('welfareDecile', $w);
        $this->assertArrayNotHasKey('phone', $w['contact'] ?? []);  // no consent to share

        $result = $partner->matchCandidates(Fixtures::vacancy(), ['excludeWelfare' => false]);
        $this->assertSame(4, $result['total']);
        foreach ($result['candidates'] as $c) {
            $this->assertArrayNotHasKey('nik', $c['worker']);
            $this->assertArrayNotHasKey('welfareDecile', $c['worker']);
            $this->assertNotContains('welfare', array_column($c['explanation'], 'name'));
        }
        $e = self::failure(fn() => $partner->upsertWorker(['id' => 'w-partner']));
        $this->assertSame('permission_denied', $e->connectCode);
        $this->assertSame(403, $e->httpStatus);
        $this->assertSame('permission_denied',
            self::failure(fn() => $partner->importWorkers([['id' => 'w-partner']]))->connectCode);
        $this->assertSame('permission_denied', self::failure(fn() => $partner->stats())->connectCode);
    }

    public function testUnknownRpcAndUnreachableServer(): void
    {
        $e = self::failure(fn() => self::client('admin')->call('AdminService', 'NoSuchMethod'));
        $this->assertContains($e->connectCode, ['not_found', 'unimplemented']);
        $this->assertSame(404, $e->httpStatus);

        // A port nothing listens on: bound, then closed.
        $socket = stream_socket_server('tcp://127.0.0.1:0');
        $port = (int)substr(strrchr(stream_socket_get_name($socket, false), ':'), 1);
        fclose($socket);
        $e = self::failure(fn() => (new Client("http://127.0.0.1:$port", 'k'))->stats());
        $this->assertSame('unavailable', $e->connectCode);
        $this->assertSame(0, $e->httpStatus);
    }

    public function testFieldPathParsing(): void
    {
        $this->assertSame('vacancy.radius_km', CakapException::fieldOf('vacancy.radius_km: -1 is not in [0, 5000]'));
        $this->assertSame('certificates[0].kkni_level', CakapException::fieldOf('certificates[0].kkni_level: 12'));
        $this->assertNull(CakapException::fieldOf('request body: invalid JSON'));
        $this->assertNull(CakapException::fieldOf('Content-Type: "text/plain" is not application/json'));
        $this->assertNull(CakapException::fieldOf('no such worker'));
    }

    public function testImportVacanciesAsJsonLines(): void
    {
        $portal = self::client('portal');
        $records = [];
        for ($i = 0; $i < 3; $i++) {
            $records[] = ['id' => "v-imp-$i", 'requiredSkills' => ['LAS'],
                          'location' => ['regionCode' => '63.11'], 'open' => false];
        }
        $records[] = ['id' => 'v-imp-bad', 'location' => ['regionCode' => '99.99']];
        $reply = $portal->importVacancies($records);
        $this->assertSame(3, $reply['accepted']);
        $this->assertSame(1, $reply['rejected']);
        $this->assertSame(3, $reply['rejections'][0]['index']);
        $this->assertSame('v-imp-bad', $reply['rejections'][0]['vacancyId']);
        $this->assertSame(['LAS'], $portal->getVacancy('v-imp-2')['requiredSkills']);
        $e = self::failure(fn() => self::client('partner')->importVacancies($records));
        $this->assertSame('permission_denied', $e->connectCode);
        for ($i = 0; $i < 3; $i++) {
            $portal->deleteVacancy("v-imp-$i");  // the other tests count one vacancy
        }
    }
}
