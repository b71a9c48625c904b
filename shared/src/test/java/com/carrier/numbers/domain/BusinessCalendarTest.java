package com.carrier.numbers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void todayIsTheEasternDate() {
        assertThat(BusinessCalendar.today(Instant.parse("2026-12-02T03:00:00Z"))).as("10 pm Eastern on Dec 1").isEqualTo(d("2026-12-01"));
        assertThat(BusinessCalendar.today(Instant.parse("2026-12-02T05:00:00Z"))).isEqualTo(d("2026-12-02"));
    }

    @Test
    void weekendsAreNotBusinessDays() {
        assertThat(BusinessCalendar.isBusinessDay(d("2026-12-05"))).as("Saturday").isFalse();
        assertThat(BusinessCalendar.isBusinessDay(d("2026-12-06"))).as("Sunday").isFalse();
        assertThat(BusinessCalendar.isBusinessDay(d("2026-12-07"))).as("Monday").isTrue();
    }

    @Test
    void federalHolidaysAreSkippedOnTheirObservedDays() {
        assertThat(BusinessCalendar.isHoliday(d("2024-01-15"))).as("MLK Day 2024 (third Monday of January)").isTrue();
        assertThat(BusinessCalendar.isHoliday(d("2026-07-03"))).as("July 4th 2026 is a Saturday: observed Friday 3rd").isTrue();
        assertThat(BusinessCalendar.isBusinessDay(d("2026-07-03"))).isFalse();
        assertThat(BusinessCalendar.isHoliday(d("2027-07-05"))).as("July 4th 2027 is a Sunday: observed Monday 5th").isTrue();
        assertThat(BusinessCalendar.isHoliday(d("2021-12-31"))).as("New Year 2022 is a Saturday: observed Dec 31 2021").isTrue();
        assertThat(BusinessCalendar.isHoliday(d("2026-11-26"))).as("Thanksgiving 2026").isTrue();
        assertThat(BusinessCalendar.isHoliday(d("2026-11-27"))).as("the day after Thanksgiving is no federal holiday").isFalse();
        assertThat(BusinessCalendar.isHoliday(d("2026-06-19"))).as("Juneteenth").isTrue();
        assertThat(BusinessCalendar.isHoliday(d("2026-05-25"))).as("Memorial Day 2026 (last Monday of May)").isTrue();
        assertThat(BusinessCalendar.isHoliday(d("2026-10-12"))).as("Columbus Day 2026").isTrue();
        assertThat(BusinessCalendar.isHoliday(d("2026-01-14"))).isFalse();
        assertThat(BusinessCalendar.isHoliday(d("2021-06-18"))).as("Juneteenth's first year, 2021: a Saturday, observed Friday 18th").isTrue();
        assertThat(BusinessCalendar.isHoliday(d("2020-06-19"))).as("no Juneteenth holiday before 2021").isFalse();
    }

    @Test
    void addingBusinessDaysSkipsWeekendsAndHolidays() {
        assertThat(BusinessCalendar.plusBusinessDays(d("2024-01-12"), 1)).as("Friday + 1 over the MLK weekend").isEqualTo(d("2024-01-16"));
        assertThat(BusinessCalendar.plusBusinessDays(d("2026-07-02"), 1)).as("Thursday + 1 over the observed July 4th").isEqualTo(d("2026-07-06"));
        assertThat(BusinessCalendar.plusBusinessDays(d("2026-11-25"), 2)).as("over Thanksgiving").isEqualTo(d("2026-11-30"));
        assertThat(BusinessCalendar.plusBusinessDays(d("2026-12-01"), 5)).isEqualTo(d("2026-12-08"));
    }

    @Test
    void fiveBusinessDaysKeepTheTimeOfDay() {
        // seed 003's example request time, Monday 2024-01-15 (MLK Day) 10:30Z: Tue..Mon = five business days
        assertThat(BusinessCalendar.plusBusinessDays(Instant.parse("2024-01-15T10:30:00Z"), 5))
                .isEqualTo(Instant.parse("2024-01-22T10:30:00Z"));
    }

    @Test
    void theCutoverIsNineInTheMorningEastern() {
        assertThat(BusinessCalendar.cutover(d("2026-12-07"))).as("EST").isEqualTo(Instant.parse("2026-12-07T14:00:00Z"));
        assertThat(BusinessCalendar.cutover(d("2026-07-07"))).as("EDT").isEqualTo(Instant.parse("2026-07-07T13:00:00Z"));
    }
}
