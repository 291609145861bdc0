<?php

declare(strict_types=1);

namespace Cakap\Tests;

/** Batch allocation (AllocationService) and the skill lexicon (LexiconService). */
final class AllocationLexiconTest extends LiveServerTestCase
{
    private const COHORT = ['al-1', 'al-2', 'al-3', 'al-4'];

    /** Four welders of Banjarmasin (63.71), two vacancies there with 1 and 2 openings. */
    private static function seed(): void
    {
        $portal = self::client('portal');
        foreach (self::COHORT as $id) {
            $portal->upsertWorker(self::welder($id, ['domicile' => ['regionCode' => '63.71']]));
        }
        $portal->upsertVacancy(self::vacancy('av-1', ['location' => ['regionCode' => '63.71']]));
        $portal->upsertVacancy(self::vacancy('av-2', ['location' => ['regionCode' => '63.71'],
                                                      'openings' => 2]));
    }

    public function testAllocateAssignsEachWorkerOnceAndRespectsOpenings(): void
    {
        self::seed();
        $request = ['vacancyIds' => ['av-1', 'av-2'], 'workerIds' => [...self::COHORT, 'al-none']];
        $result = self::client('admin')->allocate($request);

        $this->assertSame(['av-1', 'av-2'], array_column($result['vacancies'], 'vacancyId'));
        $this->assertSame([1, 2], array_column($result['vacancies'], 'places'));
        foreach ($result['vacancies'] as $v) {
            $this->assertCount($v['places'], $v['proposed'], $v['vacancyId']);  // all feasible: full
            $this->assertSame(4, $v['candidates']);
            $this->assertTrue($v['quotaShareMet']);
            foreach ($v['proposed'] as $c) {
                $this->assertContains($c['worker']['id'], self::COHORT);
                $this->assertGreaterThan(0.0, $c['score']);
            }
        }
        // Each placed worker has exactly one vacancy, and is among that vacancy's proposed.
        $placed = [];
        foreach ($result['placements'] as $p) {
            $this->assertCount(1, $p['vacancyIds'], $p['workerId']);
            $placed[$p['workerId']] = $p['vacancyIds'][0];
        }
        $this->assertCount(3, $placed);
        foreach ($result['vacancies'] as $v) {
            foreach ($v['proposed'] as $c) {
                $this->assertSame($v['vacancyId'], $placed[$c['worker']['id']]);
            }
        }
        // The fourth welder finds both full; the unknown id is reported, not dropped.
        $unplaced = array_column($result['unplaced'], null, 'workerId');
        $this->assertSame(['al-none' => 'NOT_FOUND'], array_map(
            fn($u) => $u['reason'], array_diff_key($unplaced, array_flip(self::COHORT))));
        $full = array_values(array_intersect_key($unplaced, array_flip(self::COHORT)));
        $this->assertCount(1, $full);
        $this->assertSame('VACANCIES_FULL', $full[0]['reason']);
        $this->assertEqualsCanonicalizing(['av-1', 'av-2'], $full[0]['vacancyIds']);
        $this->assertSame([], $unplaced['al-none']['vacancyIds']);

        $s = $result['summary'];
        $this->assertSame(5, $s['workers']);
        $this->assertSame(3, $s['placedWorkers']);
        $this->assertSame(3, $s['assignments']);
        $this->assertSame(3, $s['places']);
        $this->assertSame(8, $s['feasiblePairs']);
        $this->assertIsFloat($s['objective']);
        $this->assertGreaterThan(0.0, $s['objective']);
        $this->assertGreaterThanOrEqual($s['greedyObjective'] - 1e-9, $s['objective']);
        // Deterministic: the same request, the same proposal.
        $this->assertSame($result, self::client('portal')->allocate($request));
    }

    public function testInterviewModeAndPartnerLimits(): void
    {
        $result = self::client('portal')->allocate(['vacancyIds' => ['av-1', 'av-2'],
            'workerIds' => self::COHORT, 'slotsPerWorker' => 2, 'placesPerOpening' => 2]);
        $this->assertSame([2, 4], array_column($result['vacancies'], 'places'));
        foreach ($result['placements'] as $p) {
            $this->assertLessThanOrEqual(2, count($p['vacancyIds']));
            $this->assertSame(count($p['vacancyIds']), count(array_unique($p['vacancyIds'])));
        }
        $this->assertSame(6, $result['summary']['assignments']);

        // A partner may allocate only over its own vacancies, and never weigh welfare.
        $partner = self::client('partner');
        $e = self::failure(fn() => $partner->allocate(['vacancyIds' => ['av-1']]));
        $this->assertSame('permission_denied', $e->connectCode);
        $this->assertSame('vacancy_ids[0]', $e->field);
        $e = self::failure(fn() => $partner->allocate(['vacancyIds' => ['av-1'], 'welfareWeight' => 0.5]));
        $this->assertSame('invalid_argument', $e->connectCode);
        $this->assertSame('welfare_weight', $e->field);
    }

    public function testLookupSkillsFromACommonWord(): void
    {
        $lexicon = self::client('partner');  // every role
        $skills = $lexicon->lookupSkills('juru las');
        $this->assertSame('LAS', $skills[0]['code']);
        $this->assertSame('juru las', $skills[0]['matched']);
        $this->assertSame('', $skills[0]['parentCode']);  // a family
        $this->assertSame('Welding', $skills[0]['nameEn']);
        $this->assertContains('tukang las', $skills[0]['synonyms']);

        $weld = $lexicon->lookupSkills('weld', 3);
        $this->assertCount(3, $weld);
        $this->assertContains('LAS', array_column($weld, 'code'));
        $children = array_filter($weld, fn($s) => $s['parentCode'] === 'LAS');
        $this->assertNotEmpty($children);
        $this->assertSame('OAB.FORKLIFT', $lexicon->lookupSkills('forklift')[0]['code']);

        $e = self::failure(fn() => $lexicon->lookupSkills('  '));
        $this->assertSame('invalid_argument', $e->connectCode);
        $this->assertSame('query', $e->field);
        $e = self::failure(fn() => $lexicon->lookupSkills('las', 51));
        $this->assertSame('limit', $e->field);
    }
}
