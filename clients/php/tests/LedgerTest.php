<?php

declare(strict_types=1);

namespace Cakap\Tests;

/**
 * Placements and outcomes (LedgerService) and the figures they feed (FiguresService),
 * through the typed helpers against a real cakapd. The partner key is named
 * "partner-test", so vacancies it owns say owner "partner-test".
 */
final class LedgerTest extends LiveServerTestCase
{
    public function testPlacementIsInTheHistoryAndFillsTheVacancy(): void
    {
        $portal = self::client('portal');
        $partner = self::client('partner');
        $portal->upsertWorker(self::welder('lw-1'));
        $portal->upsertVacancy(self::vacancy('lv-one', ['owner' => 'partner-test']));

        $entry = $partner->recordPlacement(['workerId' => 'lw-1', 'placement' => [
            'kind' => 'PLACEMENT_KIND_JOB', 'vacancyId' => 'lv-one', 'date' => '2026-05-04']]);
        $this->assertSame(1, $entry['seq']);
        $this->assertSame('lw-1', $entry['workerId']);
        $this->assertSame('partner-test', $entry['source']);  // the key's name, set by cakapd
        $this->assertMatchesRegularExpression('/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/', $entry['recordedAt']);
        $this->assertSame(0, $entry['corrects']);
        $this->assertFalse($entry['withdrawn']);
        $this->assertSame(['kind' => 'PLACEMENT_KIND_JOB', 'vacancyId' => 'lv-one',
                           'employer' => 'PT Contoh Konstruksi',  // the vacancy's, none given
                           'date' => '2026-05-04'], $entry['placement']);
        $this->assertArrayNotHasKey('outcome', $entry);

        // Its one opening is filled: the vacancy is closed in the same commit.
        $vacancy = $portal->getVacancy('lv-one');
        $this->assertSame(1, $vacancy['filled']);
        $this->assertFalse($vacancy['open'] ?? false);  // JSON leaves a false out
        $this->assertSame('EMPLOYMENT_STATUS_EMPLOYED', $portal->getWorker('lw-1')['employmentStatus']);
        $this->assertSame([$entry], $portal->getHistory('lw-1'));
    }

    public function testOutcomeIsAppended(): void
    {
        $portal = self::client('portal');
        $outcome = self::client('partner')->recordOutcome(['workerId' => 'lw-1', 'outcome' => [
            'placementSeq' => 1, 'kind' => 'OUTCOME_KIND_STILL_WORKING', 'afterMonths' => 3]]);
        $this->assertSame(2, $outcome['seq']);
        $this->assertSame(['placementSeq' => 1, 'kind' => 'OUTCOME_KIND_STILL_WORKING',
                           'afterMonths' => 3, 'date' => '', 'reason' => ''], $outcome['outcome']);

        $left = $portal->recordOutcome(['workerId' => 'lw-1', 'outcome' => [
            'placementSeq' => 1, 'kind' => 'OUTCOME_KIND_LEFT', 'date' => '2026-11-30',
            'reason' => 'kontrak habis']]);
        $this->assertSame(3, $left['seq']);
        $this->assertSame('portal-test', $left['source']);

        $history = $portal->getHistory('lw-1');
        $this->assertSame([1, 2, 3], array_column($history, 'seq'));
        $this->assertArrayHasKey('placement', $history[0]);
        $this->assertSame($outcome, $history[1]);
        $this->assertSame(['placementSeq' => 1, 'kind' => 'OUTCOME_KIND_LEFT', 'afterMonths' => 0,
                           'date' => '2026-11-30', 'reason' => 'kontrak habis'], $history[2]['outcome']);
        // Left, with no other placement: seeking again.
        $this->assertSame('EMPLOYMENT_STATUS_SEEKING', $portal->getWorker('lw-1')['employmentStatus']);
        $this->assertSame([], $portal->getHistory('nobody'));
    }

    public function testPartnerMayNotPlaceIntoAnotherPartnersVacancyNorReadHistories(): void
    {
        $portal = self::client('portal');
        $partner = self::client('partner');
        $portal->upsertWorker(self::welder('lw-2'));
        $portal->upsertVacancy(self::vacancy('lv-theirs', ['owner' => 'pt-lain', 'openings' => 3]));

        $e = self::failure(fn() => $partner->recordPlacement(['workerId' => 'lw-2', 'placement' => [
            'kind' => 'PLACEMENT_KIND_JOB', 'vacancyId' => 'lv-theirs', 'date' => '2026-05-04']]));
        $this->assertSame('permission_denied', $e->connectCode);
        $this->assertSame(403, $e->httpStatus);
        $this->assertSame(7, $e->getCode());
        $this->assertSame('entry.placement.vacancy_id', $e->field);
        // Nothing was written.
        $this->assertSame([], $portal->getHistory('lw-2'));
        $this->assertSame(0, $portal->getVacancy('lv-theirs')['filled'] ?? 0);

        $e = self::failure(fn() => $partner->getHistory('lw-1'));
        $this->assertSame('permission_denied', $e->connectCode);

        $e = self::failure(fn() => $portal->recordPlacement(
            ['workerId' => 'lw-2', 'placement' => ['kind' => 'PLACEMENT_KIND_JOB']]));
        $this->assertSame('invalid_argument', $e->connectCode);
        $this->assertSame('entry.placement.date', $e->field);
    }

    /**
     * Twelve workers in Samarinda (64.72), three in Balikpapan (64.71), one of them placed:
     * exact counts for an admin; for a partner the counts of 1-9 are suppressed.
     */
    public function testFiguresAreExactForAnAdminAndSuppressedForAPartner(): void
    {
        $portal = self::client('portal');
        $workers = [];
        for ($i = 0; $i < 12; $i++) {
            $workers[] = self::welder("fs-$i", ['domicile' => ['regionCode' => '64.72']]);
        }
        for ($i = 0; $i < 3; $i++) {
            $workers[] = self::welder("fb-$i", ['domicile' => ['regionCode' => '64.71']]);
        }
        $workers[0]['trainings'] = [['programme' => 'Las SMAW', 'institution' => 'BLK Samarinda',
                                     'endedOn' => '2026-06-30']];
        $this->assertSame(15, $portal->importWorkers($workers)['accepted']);
        $portal->recordPlacement(['workerId' => 'fb-0', 'placement' => [
            'kind' => 'PLACEMENT_KIND_OWN_BUSINESS', 'date' => '2026-10-01']]);

        $admin = self::client('admin');
        $samarinda = $admin->figures(['regionCodes' => ['64.72']]);
        $this->assertSame(['value' => 12, 'suppressed' => false], $samarinda['figures']['workers']);
        $this->assertSame(['value' => 0, 'suppressed' => false], $samarinda['figures']['placed']);
        $this->assertSame(0, $samarinda['minCellSize']);
        $this->assertMatchesRegularExpression('/^\d{4}-\d\d-\d\d$/', $samarinda['asOf']);
        $this->assertSame([], $samarinda['supplyDemand']);
        $balikpapan = $admin->figures(['regionCodes' => ['64.71']], false, '2026-12-01');
        $this->assertSame('2026-12-01', $balikpapan['asOf']);
        $f = $balikpapan['figures'];
        $this->assertSame(3, $f['workers']['value']);
        $this->assertSame(1, $f['placed']['value']);
        $this->assertSame(1, $f['placedOwnBusiness']['value']);
        $this->assertSame(0, $f['placedJob']['value']);
        $this->assertSame(-1.0, $f['medianDaysTrainingToPlacement']);  // nobody trained
        $this->assertSame(0, $f['withTrainingBeforePlacement']['value']);

        $partner = self::client('partner');
        $samarinda = $partner->figures(['regionCodes' => ['64.72']]);
        $this->assertSame(10, $samarinda['minCellSize']);
        $this->assertSame(['value' => 12, 'suppressed' => false], $samarinda['figures']['workers']);
        $this->assertSame(['value' => 0, 'suppressed' => true], $samarinda['figures']['trained']);  // 1
        $this->assertSame(['value' => 0, 'suppressed' => false], $samarinda['figures']['certified']);  // 0 is shown
        $f = $partner->figures(['regionCodes' => ['64.71']])['figures'];
        foreach (['workers', 'placed', 'placedOwnBusiness'] as $key) {
            $this->assertSame(['value' => 0, 'suppressed' => true], $f[$key], $key);
        }
        $this->assertSame(['value' => 0, 'suppressed' => false], $f['placedJob']);
        $this->assertSame(-1.0, $f['medianDaysTrainingToPlacement']);
    }

    public function testAPartnerMayNotSliceByWelfare(): void
    {
        $slice = ['regionCodes' => ['64.72'], 'welfareDecileMax' => 4];
        $this->assertSame(0, self::client('admin')->figures($slice)['figures']['workers']['value']);
        $e = self::failure(fn() => self::client('partner')->figures($slice));
        $this->assertSame('permission_denied', $e->connectCode);
        $this->assertSame(403, $e->httpStatus);
        $this->assertSame('slice.welfare_decile_max', $e->field);
    }

    public function testSupplyAndDemandRows(): void
    {
        $portal = self::client('portal');
        $cert = [['issuer' => 'ISSUER_BNSP', 'skills' => ['LAS.SMAW'], 'kkniLevel' => 3,
                  'issuedOn' => '2025-01-10', 'expiresOn' => '2027-01-31']];
        for ($i = 0; $i < 2; $i++) {
            $portal->upsertWorker(self::welder("sd-$i", ['domicile' => ['regionCode' => '63.72'],
                                                         'certificates' => $cert]));
        }
        $portal->upsertVacancy(self::vacancy('lv-sd', ['requiredSkills' => ['LAS.SMAW'],
            'location' => ['regionCode' => '63.72'], 'openings' => 4]));
        $reply = self::client('admin')->figures(['regionCodes' => ['63.72']], true, '2026-12-01');
        $this->assertSame(2, $reply['figures']['certified']['value']);
        $rows = array_values(array_filter($reply['supplyDemand'],
            fn($r) => $r['skill'] === 'LAS.SMAW' && $r['regionCode'] === '63.72'));
        $this->assertCount(1, $rows, json_encode($reply['supplyDemand']));
        $this->assertSame(2, $rows[0]['availableCertified']['value']);
        $this->assertSame(4, $rows[0]['openOpenings']['value']);
        $this->assertSame(0, $rows[0]['expiring30d']['value']);
        $this->assertSame(2, $rows[0]['expiring90d']['value']);  // 2027-01-31: 61 days on
        $this->assertSame(2, $rows[0]['expiring180d']['value']);
    }
}
