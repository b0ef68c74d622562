# Uraia: Kiswahili, tarehe na saa ("14 Machi 2025", saa za Afrika Mashariki kwa mfumo wa saa 24). Kila ufunguo hapa
# lazima uwe pia katika en/dates.ftl.

date-long = { $day } { $month } { $year }
date-with-weekday = { $weekday }, { $date }
date-at-time = { $date }, saa { $time }

date-month-1 = Januari
date-month-2 = Februari
date-month-3 = Machi
date-month-4 = Aprili
date-month-5 = Mei
date-month-6 = Juni
date-month-7 = Julai
date-month-8 = Agosti
date-month-9 = Septemba
date-month-10 = Oktoba
date-month-11 = Novemba
date-month-12 = Desemba

date-weekday-1 = Jumatatu
date-weekday-2 = Jumanne
date-weekday-3 = Jumatano
date-weekday-4 = Alhamisi
date-weekday-5 = Ijumaa
date-weekday-6 = Jumamosi
date-weekday-7 = Jumapili
