# Uraia: Kiswahili. Kila ufunguo hapa lazima uwe pia katika en/main.ftl (kipimo cha programu hukagua).

## Frame
service-name = Uraia
service-tagline = Huduma za NTSA kwa madereva
skip-link = Ruka hadi maudhui makuu
language-switch-label = Lugha
language-current = Lugha ya sasa:
footer-phishing = Uraia haitakuomba kamwe nenosiri lako wala PIN ya M-Pesa kwa simu, SMS au barua pepe. Kabla ya kuandika chochote, hakikisha kwamba anwani ya tovuti iliyo juu ya ukurasa ni
footer-meta = Huduma ya umma kwa madereva wa Kenya. Inafanya kazi kwenye simu yoyote, hata kwenye mtandao wa polepole.
footer-performance = Utendaji wa huduma

## Errors
not-found-title = Ukurasa haupatikani
not-found-typed = Ikiwa uliandika anwani ya tovuti, hakikisha ni sahihi.
not-found-pasted = Ikiwa ulibandika anwani ya tovuti, hakikisha umenakili anwani nzima.
not-found-home = Nenda kwenye ukurasa wa mwanzo wa Uraia
error-title = Samahani, kuna tatizo kwenye huduma
error-internal = Hitilafu imetokea upande wetu. Ukiwasiliana nasi, taja nambari ya kumbukumbu { $reference }.
error-network = Hatukuweza kufikia huduma. Hakikisha una mtandao, kisha ujaribu tena.
error-unavailable = Huduma haipatikani kwa muda mfupi.
error-try-later = Jaribu tena baada ya dakika chache. Ulichohifadhi hakijapotea.
error-summary-title = Kuna tatizo
notice-title = Imekamilika
error-prefix = Hitilafu:

## Widgets
date-day = Siku
date-month = Mwezi
date-year = Mwaka
panel-reference = Nambari yako ya kumbukumbu
change = Badilisha
step-indicator = Hatua { $step } kati ya { $total }

## Home
home-title = Huisha leseni, sajili gari na weka nafasi za huduma za NTSA mtandaoni
home-lead = Tumia Uraia kupata huduma za Mamlaka ya Kitaifa ya Uchukuzi na Usalama (NTSA) kwenye simu yako: akaunti moja, malipo kwa M-Pesa au kadi, na stakabadhi ambayo mtu yeyote anaweza kuthibitisha.
home-services-heading = Unachoweza kufanya
home-service-licence = kuhuisha leseni ya udereva, kuomba leseni ya kidijitali ya udereva (Smart DL), kubadilisha iliyopotea, au kupata leseni ya mwanafunzi ili kujifunza
home-service-registration = kusajili gari au kuhamisha umiliki wake
home-service-inspection = kuweka nafasi ya ukaguzi wa gari
home-service-test = kuweka nafasi ya mtihani wa udereva, kisha kuomba leseni yako ya kwanza ya kidijitali ya udereva baada ya kufaulu
home-service-psv = kupata leseni ya matatu au basi
home-service-badge = kupata beji ya PSV ya dereva au kondakta wa matatu au basi
home-service-tims = kuunganisha akaunti yako ya zamani ya NTSA TIMS
home-service-pay = kulipa kwa M-Pesa au kadi na kupakua stakabadhi ambayo mtu yeyote anaweza kuthibitisha
home-soon-heading = Zitafunguliwa karibuni (hadi hapo, kwenye eCitizen)
home-go-to-services = Nenda kwenye Huduma zako
home-need-heading = Unachohitaji
home-need-id = nambari ya kitambulisho chako cha taifa (au pasipoti yako, cheti cha mgeni au PIN ya KRA ya shirika kwa aina nyingine za akaunti)
home-need-contact = anwani ya barua pepe na nambari ya simu inayoweza kupokea SMS
home-need-pay = M-Pesa au kadi ya benki kulipa ada
home-fees-link = Angalia gharama ya huduma
demo-banner-title = Huduma ya majaribio
demo-banner-body = Nakala hii ya Uraia inatumia sajili ya kubuni. Usiweke taarifa zako halisi.

## Fees
fees-title = Angalia gharama ya huduma
fees-lead = Kila malipo ni ada ya huduma pamoja na ada ndogo ya ufikiaji kwa kutumia huduma mtandaoni. Serikali iliweka ada za ufikiaji mwezi Desemba 2023.
fees-question = Unahitaji huduma gani?
fees-hint = Ada imeonyeshwa chini ya kila huduma.
fees-submit = Onyesha jumla
fees-result-heading = Utakacholipa
fees-row-fee = Ada ya huduma
fees-row-access = Ada ya ufikiaji
fees-row-total = Jumla
fees-access-heading = Ada za ufikiaji
fees-access-body = Ada ya ufikiaji inategemea kiasi cha ada ya huduma.
fees-access-caption = Ada ya ufikiaji kulingana na ada ya huduma
fees-access-amount = Ada ya huduma
fees-access-fee = Ada ya ufikiaji
fees-band-range = { $from } hadi { $to }
fees-band-from = { $from } au zaidi
fees-error-choose = Chagua huduma ili kuona gharama yake

## Services (by fee table code)
service-dl-renewal-1y = Kuhuisha leseni ya udereva, mwaka 1
service-dl-renewal-3y = Kuhuisha leseni ya udereva, miaka 3
service-smart-dl = Leseni ya kidijitali ya udereva, Smart DL (maombi au kuhuisha)
service-provisional-dl = Leseni ya mwanafunzi ya udereva
service-driving-test = Kuweka nafasi ya mtihani wa udereva
service-psv-badge = Beji ya PSV (dereva au kondakta)
service-inspection = Kuweka nafasi ya ukaguzi wa gari
service-vehicle-search = Nakala ya rekodi za gari
service-transfer-upto-1000cc = Uhamisho wa umiliki, hadi cc 1,000
service-transfer-1001-1200cc = Uhamisho wa umiliki, cc 1,001 hadi 1,200
service-transfer-1201-1500cc = Uhamisho wa umiliki, cc 1,201 hadi 1,500
service-transfer-1501-1700cc = Uhamisho wa umiliki, cc 1,501 hadi 1,700
service-transfer-1701-2000cc = Uhamisho wa umiliki, cc 1,701 hadi 2,000
service-transfer-2001-2500cc = Uhamisho wa umiliki, cc 2,001 hadi 2,500
service-transfer-2501-3000cc = Uhamisho wa umiliki, cc 2,501 hadi 3,000
service-transfer-over-3000cc = Uhamisho wa umiliki, zaidi ya cc 3,000
service-registration-under-1000cc = Usajili wa gari, hadi cc 1,000
service-registration-1001-1200cc = Usajili wa gari, cc 1,001 hadi 1,200
service-registration-over-3000cc = Usajili wa gari, zaidi ya cc 3,000
service-psv-6-8-seats = Leseni ya huduma ya barabarani ya PSV, viti 6 hadi 8
service-psv-9-14-seats = Leseni ya huduma ya barabarani ya PSV, viti 9 hadi 14
service-psv-over-26-seats = Leseni ya huduma ya barabarani ya PSV, zaidi ya viti 26
