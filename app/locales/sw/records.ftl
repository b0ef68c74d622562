# Uraia: Kiswahili, rekodi za dashibodi (issue 11). Kila ufunguo hapa lazima uwe pia katika en/records.ftl.

records-licences-heading = Leseni zangu za udereva
records-licence-label = Leseni ya udereva
records-licence-holder = Nambari ya kitambulisho ya mwenye leseni
records-licence-classes = Madaraja
records-licence-expires = Inaisha
records-licence-offences = Makosa ya barabarani ambayo hayajalipiwa
records-status-valid = Halali
records-status-expiring = Inaisha karibuni
records-status-expired = Imeisha muda
records-licence-expiring = Leseni yako inaisha tarehe { $date }. Ihuishe kabla ya tarehe hiyo ili uendelee kuendesha gari.
records-licence-expired = Leseni yako iliisha tarehe { $date }. Usiendeshe gari hadi uihuishe.
records-renew-link = Huisha leseni yako ya udereva
records-licences-none = Hakuna leseni ya udereva iliyorekodiwa chini ya nambari ya kitambulisho { $id }. Ikiwa ulikuwa na akaunti kwenye tovuti ya zamani ya NTSA (TIMS), iunganishe ili leseni yako ionekane hapa.

records-vehicles-heading = Magari yangu
records-vehicle-plate = Nambari ya usajili wa gari
records-vehicle-vehicle = Gari
records-vehicle-year = Mwaka
records-vehicle-owner = Limesajiliwa kwa
records-vehicle-owner-you = Wewe
records-vehicle-inspection = Ukaguzi wa gari
records-inspection-none = Hauhitajiki (gari binafsi)
records-inspection-due = Unatakiwa tarehe { $date }
records-inspection-soon = Unatakiwa karibuni: tarehe { $date }
records-inspection-overdue = Umechelewa tangu tarehe { $date }
records-vehicles-none = Hakuna gari lililosajiliwa kwako au kwa shirika unalowakilisha. Magari yaliyo kwenye tovuti ya zamani ya NTSA (TIMS) yataonekana hapa utakapounganisha akaunti hiyo.
