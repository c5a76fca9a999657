package cn.gaoxin.approval.calendar;

import java.time.LocalDate;
import java.util.List;

/** One year of the State Council holiday notice: days off and make-up working days (调休上班). */
public record HolidayYear(String notice, List<Holiday> holidays, List<LocalDate> makeUpWorkdays) {

  public record Holiday(String name, LocalDate from, LocalDate to) {}

  public HolidayYear {
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
    makeUpWorkdays = makeUpWorkdays == null ? List.of() : List.copyOf(makeUpWorkdays);
  }
}
