## Ujumbe: kila taarifa aliyotumiwa mtu.

notices-heading = Ujumbe
notices-all-link = Tazama ujumbe wako wote
notices-none = Bado hatujakutumia ujumbe wowote.
