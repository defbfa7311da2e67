"""DATA ONLY: month and weekday names per language, for python-dateutil's parserinfo.

One table per language; dates.py merges them. Genitive and abbreviated forms are listed
because pages write "13. března 2020" and "13 mars 2020", not the dictionary form.
"""
from __future__ import annotations

# Each language: twelve tuples of the ways a month is written (lower case).
MONTHS: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
           ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
           ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
           ("dec", "december")),
    "de": (("januar", "jänner"), ("februar",), ("märz", "mär", "maerz"), ("april",), ("mai",),
           ("juni",), ("juli",), ("august",), ("september",), ("oktober", "okt"),
           ("november",), ("dezember", "dez")),
    "fr": (("janvier", "janv"), ("février", "fevrier", "févr", "fevr"), ("mars",),
           ("avril", "avr"), ("mai",), ("juin",), ("juillet", "juil"), ("août", "aout"),
           ("septembre",), ("octobre",), ("novembre",), ("décembre", "decembre", "déc")),
    "es": (("enero", "ene"), ("febrero",), ("marzo",), ("abril", "abr"), ("mayo",),
           ("junio",), ("julio",), ("agosto", "ago"), ("septiembre", "setiembre"),
           ("octubre",), ("noviembre",), ("diciembre", "dic")),
    "pt": (("janeiro",), ("fevereiro", "fev"), ("março", "marco"), ("abril",), ("maio",),
           ("junho",), ("julho",), ("agosto",), ("setembro", "set"), ("outubro", "out"),
           ("novembro",), ("dezembro",)),
    "it": (("gennaio",), ("febbraio",), ("marzo",), ("aprile",), ("maggio",), ("giugno",),
           ("luglio",), ("agosto",), ("settembre",), ("ottobre", "ott"), ("novembre",),
           ("dicembre",)),
    "nl": (("januari",), ("februari",), ("maart",), ("april",), ("mei",), ("juni",), ("juli",),
           ("augustus",), ("september",), ("oktober",), ("november",), ("december",)),
    "cs": (("leden", "ledna"), ("únor", "února"), ("březen", "března"), ("duben", "dubna"),
           ("květen", "května"), ("červen", "června"), ("červenec", "července"),
           ("srpen", "srpna"), ("září",), ("říjen", "října"), ("listopad", "listopadu"),
           ("prosinec", "prosince")),
    "pl": (("styczeń", "stycznia"), ("luty", "lutego"), ("marzec", "marca"),
           ("kwiecień", "kwietnia"), ("maj", "maja"), ("czerwiec", "czerwca"),
           ("lipiec", "lipca"), ("sierpień", "sierpnia"), ("wrzesień", "września"),
           ("październik", "października"), ("listopad", "listopada"), ("grudzień", "grudnia")),
    "sv": (("januari",), ("februari",), ("mars",), ("april",), ("maj",), ("juni",), ("juli",),
           ("augusti",), ("september",), ("oktober",), ("november",), ("december",)),
    "da": (("januar",), ("februar",), ("marts",), ("april",), ("maj",), ("juni",), ("juli",),
           ("august",), ("september",), ("oktober",), ("november",), ("december",)),
    "ro": (("ianuarie",), ("februarie",), ("martie",), ("aprilie",), ("mai",), ("iunie",),
           ("iulie",), ("august",), ("septembrie",), ("octombrie",), ("noiembrie",),
           ("decembrie",)),
    "tr": (("ocak",), ("şubat",), ("mart",), ("nisan",), ("mayıs",), ("haziran",),
           ("temmuz",), ("ağustos",), ("eylül",), ("ekim",), ("kasım",), ("aralık",)),
    "ru": (("январь", "января"), ("февраль", "февраля"), ("март", "марта"),
           ("апрель", "апреля"), ("май", "мая"), ("июнь", "июня"), ("июль", "июля"),
           ("август", "августа"), ("сентябрь", "сентября"), ("октябрь", "октября"),
           ("ноябрь", "ноября"), ("декабрь", "декабря")),
    "uk": (("січень", "січня"), ("лютий", "лютого"), ("березень", "березня"),
           ("квітень", "квітня"), ("травень", "травня"), ("червень", "червня"),
           ("липень", "липня"), ("серпень", "серпня"), ("вересень", "вересня"),
           ("жовтень", "жовтня"), ("листопад", "листопада"), ("грудень", "грудня")),
    # Arabic: the months of Egypt and the Gulf, and the Levant's that are one word (its
    # January, October, November and December are two: "كانون الثاني").
    "ar": (("يناير",), ("فبراير", "شباط"), ("مارس", "آذار"), ("أبريل", "ابريل", "نيسان"),
           ("مايو", "أيار", "ايار"), ("يونيو", "يونية", "حزيران"), ("يوليو", "يولية", "تموز"),
           ("أغسطس", "اغسطس", "آب"), ("سبتمبر", "أيلول", "ايلول"), ("أكتوبر", "اكتوبر"),
           ("نوفمبر",), ("ديسمبر",)),
    # Burmese writes the English names in its script ("26 အောက်တိုဘာ 2018").
    "my": (("ဇန်နဝါရီ",), ("ဖေဖော်ဝါရီ",), ("မတ်",), ("ဧပြီ",), ("မေ",), ("ဇွန်",),
           ("ဇူလိုင်",), ("ဩဂုတ်", "ဒြဂုတ်"), ("စက်တင်ဘာ",), ("အောက်တိုဘာ",), ("နိုဝင်ဘာ",),
           ("ဒီဇင်ဘာ",)),
}

# Full weekday names per language, Monday first. Abbreviations are left out on purpose: in
# other languages they collide with month abbreviations ("mar" is mardi and March).
WEEKDAYS: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (("mon", "monday"), ("tue", "tues", "tuesday"), ("wed", "wednesday"),
           ("thu", "thur", "thurs", "thursday"), ("fri", "friday"), ("sat", "saturday"),
           ("sun", "sunday")),
    "de": (("montag",), ("dienstag",), ("mittwoch",), ("donnerstag",), ("freitag",),
           ("samstag", "sonnabend"), ("sonntag",)),
    "fr": (("lundi",), ("mardi",), ("mercredi",), ("jeudi",), ("vendredi",), ("samedi",),
           ("dimanche",)),
    "es": (("lunes",), ("martes",), ("miércoles", "miercoles"), ("jueves",), ("viernes",),
           ("sábado", "sabado"), ("domingo",)),
    "pt": (("segunda-feira",), ("terça-feira",), ("quarta-feira",), ("quinta-feira",),
           ("sexta-feira",), ("sábado",), ("domingo",)),
    "cs": (("pondělí",), ("úterý",), ("středa",), ("čtvrtek",), ("pátek",), ("sobota",),
           ("neděle",)),
}

# Filler words between a date's parts: "13 de marzo de 2020", "le 13 mars", "am 13. März".
JUMP_WORDS = ("de", "del", "le", "am", "um", "à", "a", "at", "on", "el", "the", "den")

# Time-zone abbreviations pages print after a time ("3:05 PM ET"), as offsets in hours.
# Standard time is assumed for the US names without S/D, as their pages mean "local time".
TIMEZONE_OFFSETS: dict[str, float] = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 1, "CET": 1, "CEST": 2, "MEZ": 1, "MESZ": 2,
    "EET": 2, "EEST": 3, "MSK": 3, "IST": 5.5, "CST": -6, "CDT": -5, "EST": -5, "EDT": -4,
    "ET": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "PT": -8, "JST": 9, "KST": 9,
    "AEST": 10, "AEDT": 11, "HKT": 8, "SGT": 8,
}
