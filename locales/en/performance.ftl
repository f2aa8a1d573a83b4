# The performance screen (ui/src/performance): does CSBA pay off?

performance-heading = Does CSBA pay off?
performance-subheading = Your figures week by week, per store and marketplace, with the day CSBA took over marked: what changed since.
performance-empty = No weekly figures yet for this store or marketplace.
performance-panel-heading = { $store } · { $marketplace }
performance-activated = CSBA active since { $date }
performance-never-active = CSBA has not been active here yet.
performance-paused = Paused { $from } – { $to }
performance-paused-since = Paused since { $from }
performance-activation-short = CSBA on
performance-paused-short = Paused
performance-odr-limit = Account health limit: under { $percent }
performance-tracking-target = Account health target: at least { $percent }
performance-chart-label = { $metric }, week by week; latest complete week: { $value }
performance-week-of = Week of
performance-no-weeks = No weeks recorded yet.
performance-no-comparison = Not enough weeks yet to compare before and after CSBA.
performance-comparison-heading = Before and after CSBA
performance-col-metric = Figure
performance-col-before = Before ({ $from } – { $to })
performance-col-after = Last 13 weeks ({ $from } – { $to })
performance-col-change = Change
performance-better = better
performance-worse = worse

## Figures

performance-metric-response-hours = Response time to buyers
performance-metric-response-seconds = Response time to buyers
performance-metric-a-to-z-claim-rate = A-to-z claim rate
performance-metric-negative-feedback-rate = Negative feedback rate
performance-metric-order-defect-rate = Order defect rate
performance-metric-valid-tracking-rate = Valid tracking rate
performance-metric-contacts-per-unit = Contacts per unit shipped
performance-metric-fee-minor = CSBA fee for the week
performance-metric-fee = CSBA fee
