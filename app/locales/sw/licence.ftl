# Leseni ya kwanza ya kidijitali ya udereva, baada ya kufaulu mtihani wa udereva.
first-dl-title = Leseni yako ya kwanza ya kidijitali ya udereva
first-dl-intro = Ulifaulu mtihani kwenye kituo cha mtihani kwa madaraja yaliyo hapa chini. Leseni yako ni kadi ya kidijitali yenye picha yako, halali kwa miaka { $years }. Afisa wa kituo utakachochagua kuchukulia kadi hukagua ombi lako.
first-dl-class = Daraja { $class }
first-dl-pass-until = Umefaulu: cheti cha umahiri ni halali hadi { $date }
first-dl-endorse = Madaraja uliyo nayo tayari ({ $classes }) yanabaki kwenye leseni yako, itakayopata kadi mpya.
first-dl-fee = Ada: { $fee } pamoja na ada ya ufikiaji { $access }: { $total }.
first-dl-not-on-register = Leseni ya udereva hutolewa chini ya nambari ya kitambulisho cha taifa iliyo kwenye sajili. Ingia kwa akaunti yako ya raia ili kuomba.
first-dl-no-pass = Huna mtihani wa udereva uliofaulu wa kugeuzwa kuwa leseni.
first-dl-no-pass-what-to-do = Ukifaulu unapata cheti cha umahiri kilicho halali kwa miezi 3; omba leseni yako kabla hakijaisha. Kama chako kimeisha, au madaraja yako tayari yako kwenye leseni yako, hakuna cha kuomba.
first-dl-book-test = Weka nafasi ya mtihani wa udereva
first-dl-error-register = Leseni ya udereva hutolewa chini ya nambari ya kitambulisho cha taifa iliyo kwenye sajili
first-dl-error-no-pass = Huna mtihani wa udereva uliofaulu wenye cheti cha umahiri kilicho halali kwa daraja ambalo leseni yako haina
first-dl-check-classes = Madaraja
first-dl-check-hint = Afisa wa kituo cha kuchukulia kadi hukagua ombi lako. Likikubaliwa, leseni iko kwenye sajili na stakabadhi yako iko tayari; NTSA hutuma SMS kadi ikiwa tayari kuchukuliwa.

# Kubadilisha leseni ya kidijitali ya udereva iliyopotea, iliyoibwa au iliyoharibika.
replacement-title = Badilisha leseni yako ya kidijitali ya udereva
replacement-card-issued = Kadi ilitolewa
replacement-fee = Ada: { $fee } pamoja na ada ya ufikiaji { $access }: { $total }.
replacement-reason-legend = Nini kilitokea kwa kadi yako?
replacement-reason-lost = Imepotea
replacement-reason-lost-hint = Ripoti kwa polisi kwanza kisha uandike nambari ya ripoti ya polisi (police abstract) hapa chini
replacement-reason-stolen = Iliibwa
replacement-reason-stolen-hint = Ripoti kwa polisi kwanza kisha uandike nambari ya ripoti ya polisi (police abstract) hapa chini
replacement-reason-damaged = Imeharibika
replacement-reason-damaged-hint = Kabidhi kadi iliyoharibika utakapochukua mpya
replacement-field-abstract = Nambari ya ripoti ya polisi (kwa kadi iliyopotea au iliyoibwa)
replacement-field-abstract-hint = Kama ilivyochapishwa kwenye ripoti uliyopewa na kituo cha polisi, kwa mfano OB 12/03/12/2026
replacement-expired = Leseni yako iliisha tarehe { $date }: haiwezi kubadilishwa. Ihuishe badala yake; chaguo la kidijitali linakupa kadi mpya.
replacement-renew = Huisha leseni yako ya udereva
replacement-error-no-licence = Hakuna leseni ya udereva chini ya nambari yako ya kitambulisho ya kubadilisha
replacement-error-expired = Leseni yako imeisha: ihuishe badala yake
replacement-error-reason = Chagua nini kilitokea kwa kadi yako
replacement-error-abstract-missing = Andika nambari ya ripoti ya polisi: kadi iliyopotea au iliyoibwa hubadilishwa tu baada ya kuripotiwa
replacement-error-abstract = Andika nambari ya ripoti ya polisi kama ilivyochapishwa: herufi au tarakimu 5 hadi 20, / au -
replacement-check-reason = Kilichotokea
replacement-check-hint = Afisa wa kituo cha kuchukulia kadi hukagua ombi lako. Likikubaliwa, kadi yako ya zamani si halali tena na stakabadhi ya kadi mpya iko tayari; NTSA hutuma SMS kadi ikiwa tayari kuchukuliwa.
