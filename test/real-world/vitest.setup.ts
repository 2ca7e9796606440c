// Dates in the cards are formatted in UTC whatever the machine's time zone.
process.env.TZ = 'UTC'
