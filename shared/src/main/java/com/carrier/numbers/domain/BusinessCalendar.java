package com.carrier.numbers.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Set;

/**
 * Business days as US carriers count them for porting: weekends and the US federal holidays are
 * skipped, a holiday falling on a Saturday is observed the Friday before and one on a Sunday the
 * Monday after (2026-07-04 is a Saturday, so 2026-07-03 is the day off). Dates are in the carriers'
 * reference zone, US Eastern.
 */
public final class BusinessCalendar {
    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    /** The time of day numbers cut over on their FOC date (carriers' usual morning window). */
    public static final LocalTime CUTOVER_TIME = LocalTime.of(9, 0);

    private BusinessCalendar() {
    }

    public static boolean isBusinessDay(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !isHoliday(d);
    }

    /** Whether {@code d} is a federal holiday as observed (the day offices are closed). */
    public static boolean isHoliday(LocalDate d) {
        // A January 1 on a Saturday is observed on December 31 of the year before.
        return observedHolidays(d.getYear()).contains(d) || observedHolidays(d.getYear() + 1).contains(d);
    }

    /** {@code days} business days after {@code from} (the result is always a business day). */
    public static LocalDate plusBusinessDays(LocalDate from, int days) {
        LocalDate d = from;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (isBusinessDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** {@code days} business days after {@code from}, at the same time of day (Eastern). */
    public static Instant plusBusinessDays(Instant from, int days) {
        ZonedDateTime z = from.atZone(ZONE);
        return plusBusinessDays(z.toLocalDate(), days).atTime(z.toLocalTime()).atZone(ZONE).toInstant();
    }

    public static LocalDate today(Instant now) {
        return now.atZone(ZONE).toLocalDate();
    }

    /** The instant a number ports on its FOC date. */
    public static Instant cutover(LocalDate focDate) {
        return focDate.atTime(CUTOVER_TIME).atZone(ZONE).toInstant();
    }

    /** The federal holidays of {@code year} (5 U.S.C. 6103), each on its observed day. */
    public static Set<LocalDate> observedHolidays(int year) {
        Set<LocalDate> out = new HashSet<>();
        out.add(observed(LocalDate.of(year, Month.JANUARY, 1)));
        out.add(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3));      // Birthday of Martin Luther King, Jr.
        out.add(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3));     // Washington's Birthday
        out.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY))); // Memorial Day
        if (year >= 2021) {
            out.add(observed(LocalDate.of(year, Month.JUNE, 19)));  // Juneteenth
        }
        out.add(observed(LocalDate.of(year, Month.JULY, 4)));
        out.add(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1));    // Labor Day
        out.add(nth(year, Month.OCTOBER, DayOfWeek.MONDAY, 2));      // Columbus Day
        out.add(observed(LocalDate.of(year, Month.NOVEMBER, 11)));   // Veterans Day
        out.add(nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4));   // Thanksgiving
        out.add(observed(LocalDate.of(year, Month.DECEMBER, 25)));
        return out;
    }

    private static LocalDate observed(LocalDate d) {
        return switch (d.getDayOfWeek()) {
            case SATURDAY -> d.minusDays(1);
            case SUNDAY -> d.plusDays(1);
            default -> d;
        };
    }

    private static LocalDate nth(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }
}
