-- Daily exchange rates, as published (Bank of Canada Valet files: series FX<currency>CAD), one row
-- per currency, day and source. Importing the same file again changes nothing; a published
-- correction of a day's rate replaces it (postings keep the rate they were converted at).
create table exchange_rate (
    currency      char(3)         not null, -- ISO 4217 code of the foreign currency
    home_currency char(3)         not null, -- the currency the rate is in (resource-sharing.fees.home-currency)
    rate_date     date            not null, -- the day the rate is of
    rate          numeric(19, 10) not null, -- units of home_currency per unit of currency, exact as published
    source        varchar(100)    not null, -- who published it and the series, e.g. "Bank of Canada FXUSDCAD"
    imported_at   timestamp with time zone not null,
    constraint pk_exchange_rate primary key (currency, home_currency, rate_date, source),
    constraint ck_exchange_rate_positive check (rate > 0)
);
