// The demo borough's Market Position Statement narrative: what Eastbrook's commissioners would write, modelled on
// the structure and tone of Islington's MPS 2021-2024 (seed 003) and Halton's commissioning intentions (seed 004).
// Synthetic: Eastbrook is not a real place. Figures are left to the generated parts so the text never contradicts
// them. Section key → block key → text (plain text with ## headings, - lists and [links](https://…)).

export const DEMO_MPS_NARRATIVE: Record<string, Record<string, string>> = {
  introduction: {
    foreword: `Welcome to Eastbrook's Market Position Statement for adult social care. It is written for the organisations that provide care and support in Eastbrook today and for those who would like to.

This statement:

- **brings together the figures** on Eastbrook as a place, the needs of its residents now and in the years ahead, and the care market that meets them;
- **sets out what the council wants** from the market in each service area, by portfolio: Start Well, Live Well and Age Well;
- **lists the opportunities coming up**: procurements in the pipeline and contracts ending.

The figures are drawn from the council's own systems on the day each edition is published, and the current draft is kept up to date as they change. We refresh the published statement every year.

We want to work with providers who share our commitment to prevention, independence and tackling inequality. If something in this statement prompts an idea, please get in touch.`,
  },
  area: {
    overview: `Eastbrook is an outer borough with a growing and ageing population. Most residents live in the town centre and the estates around it; the east of the borough is more rural, with longer travel times for care workers.

Deprivation is concentrated in the town centre wards, where life expectancy is lowest and people live more years in poor health. Around one resident in eleven provides unpaid care.

The number of residents aged 85 and over is growing faster than any other age group. This is the main driver of demand for homecare and care home places.`,
  },
  need: {
    overview: `Eastbrook's ageing population drives demand for adult social care. If the share of people needing care stays as it is today, the number of older people needing support will rise steadily over the next ten years.

Commissioners hope that by working with residents, partners and providers to offer the right support earlier, demand for long-term services will grow more slowly than these projections. Prevention, reablement and assistive technology are central to that.

## How to read these figures

The projections hold today's rates constant and apply them to the latest population projections. They are a conservative starting point, not a forecast: the council reviews them every year.`,
  },
  market: {
    overview: `Eastbrook has a mixed care market of private, voluntary and council services. Most care homes are small and medium-sized independent homes; a few national groups run larger nursing homes.

Occupancy is high and nursing and dementia beds are hardest to find, especially for people leaving hospital. Too many council-funded residents are placed outside the borough, away from family and friends.

We want more placements made at our usual rates, fewer spot purchases and a stronger homecare market in the rural east of the borough.`,
  },
  spend: {
    overview: `Most of the council's adult social care spend goes on long-term care for people with the highest needs: care homes, homecare and supported living.

Our ambition is to rebalance spend towards prevention, reablement and support that keeps people independent at home. We will work with providers on the Market Sustainability and Improvement Fund and on fair prices for care.`,
  },
  strategy: {
    overview: `## Our commissioning principles

When we commission care and support we will:

1. put the person at the centre and focus on outcomes that matter to them;
2. co-produce services with residents, unpaid carers and providers;
3. commission for quality, and act quickly when quality falls;
4. promote a diverse and sustainable local market;
5. work with the NHS and the voluntary sector as one system.

## Social value and climate

Social value is weighted at 20% in our tender evaluations. We welcome providers who employ local people, pay the real living wage and reduce their carbon footprint, for example by planning rounds so that care workers can walk, cycle or use public transport.

## Procurement

We follow the Procurement Act 2023. Opportunities are advertised on the council's procurement portal; market engagement events are announced there and in this statement.`,
  },
  preparing_for_adulthood: {
    provision: `Young people with a learning disability or autism move into adult services from the age of 18, often after years of support from children's services. The council funds day opportunities, supported living and self-advocacy for young adults through all-age contracts.`,
    aspirations: `We want young people to have a choice of local, age-appropriate support that builds independence, friendships and work skills, so that fewer need to move out of the borough.

- Supported internships and work placements with local employers.
- Supported living close to family, with technology that supports independence.
- Planning from age 14, with providers involved early.`,
    opportunities: `We will hold market engagement on a new all-age day opportunities framework before the current contract ends. We welcome ideas from providers with experience of supporting young adults with complex needs.`,
    contacts: `Start Well commissioning team: [startwell.commissioning@eastbrook.example](mailto:startwell.commissioning@eastbrook.example)`,
  },
  supported_living: {
    provision: `Supported living in Eastbrook supports adults with learning disabilities, autism and mental health needs in their own tenancies, with care commissioned on a core-and-flexi model so that people can direct part of their support.`,
    aspirations: `Demand exceeds supply, particularly for people with complex needs, and some residents live in placements outside the borough. We want to:

- develop new local schemes with housing partners;
- reduce out-of-borough placements for people with a learning disability;
- embed positive behaviour support and technology-enabled care.`,
    opportunities: `We are always keen to hear from developers and providers interested in new supported living schemes in Eastbrook, particularly for people with complex needs and young people moving into adult services.`,
    contacts: `Live Well commissioning team: [livewell.commissioning@eastbrook.example](mailto:livewell.commissioning@eastbrook.example)`,
  },
  day_opportunities: {
    provision: `Day opportunities for working-age adults range from building-based services to one-to-one community support and employment support.`,
    aspirations: `We want a vibrant, high-quality day offer that develops people's skills and connects them with their communities, and mainstream services that are disability confident.`,
    opportunities: `The learning disability day opportunities contract will be reviewed ahead of its end date. We will engage providers and people who use the service on the model before any procurement.`,
    contacts: `Live Well commissioning team: [livewell.commissioning@eastbrook.example](mailto:livewell.commissioning@eastbrook.example)`,
  },
  live_well_prevention: {
    provision: `The Live Well prevention service supports adults with physical and sensory disabilities, learning disabilities, autism and mental health needs with information, peer support and early help. A mental health crisis café offers support in the evenings and at weekends.`,
    aspirations: `We want one joined-up, strengths-based prevention offer for working-age adults, co-produced with the people who use it, which reduces the need for statutory services.`,
    opportunities: `The Community Wellness and Empowerment Service (Live Well) is being re-tendered. We welcome bids from partnerships of voluntary and community organisations.`,
    contacts: `Live Well commissioning team: [livewell.commissioning@eastbrook.example](mailto:livewell.commissioning@eastbrook.example)`,
  },
  carers: {
    provision: `The Carers' Hub offers information and advice, carers' assessments, peer support and training. Carers' breaks are funded through a grant, and home-based respite gives carers time off.`,
    aspirations: `Carers should feel valued and supported. We want services that find hidden carers early, offer breaks that fit carers' lives and are co-produced with carers.`,
    opportunities: `The Carers' Hub is being re-tendered. The procurement is co-produced with carers.`,
    contacts: `Live Well commissioning team: [livewell.commissioning@eastbrook.example](mailto:livewell.commissioning@eastbrook.example)`,
  },
  advocacy: {
    provision: `The Healthwatch and Advocacy Hub provides Care Act, IMCA and IMHA advocacy as a single point of access. People First Eastbrook provides self-advocacy for people with learning disabilities.`,
    aspirations: `We want advocacy that is easy to reach, independent and ready for the Liberty Protection Safeguards.`,
    opportunities: `No procurement is planned in the next year. We will engage providers before the current contracts end.`,
    contacts: `Commissioning team: [commissioning@eastbrook.example](mailto:commissioning@eastbrook.example)`,
  },
  equipment: {
    provision: `The integrated community equipment service delivers and collects equipment for residents of all ages, funded through the pooled health and social care budget. Telecare monitoring and response supports people to stay safe at home.`,
    aspirations: `We want to make assistive technology part of every care and support plan, using it instead of, rather than as well as, more intensive care where people choose.`,
    opportunities: `We welcome conversations with providers of assistive technology and will engage the market as the offer develops.`,
    contacts: `Commissioning team: [commissioning@eastbrook.example](mailto:commissioning@eastbrook.example)`,
  },
  homecare: {
    provision: `Homecare is commissioned through four zoned lead providers and a dynamic purchasing system for everyone else. Spot purchasing is used for specialist and cultural needs. Care is currently commissioned on a time-and-task basis.`,
    aspirations: `Supporting residents to remain well and independent at home is a key priority. We want homecare that:

- is enabling and outcomes-focused, moving away from time and task;
- values its workforce, with good pay, conditions and training;
- covers the rural east of the borough reliably;
- reduces the need for care home placements.`,
    opportunities: `The homecare zones and dynamic purchasing system are being refreshed. We will hold provider engagement events before the tender is published.`,
    contacts: `Age Well commissioning team: [agewell.commissioning@eastbrook.example](mailto:agewell.commissioning@eastbrook.example)`,
  },
  reablement: {
    provision: `The in-house Home First reablement service supports people after a stay in hospital. Home, Settle and Support provides a welfare visit and practical help on the day of discharge, and community rehabilitation beds offer short-term bed-based recovery.`,
    aspirations: `We want more people to go home from hospital with reablement (Home First), fewer to move into a care home directly from hospital, and short waits for support.`,
    opportunities: `We are open to working with providers on bridging care between hospital discharge and reablement.`,
    contacts: `Age Well commissioning team: [agewell.commissioning@eastbrook.example](mailto:agewell.commissioning@eastbrook.example)`,
  },
  extra_care: {
    provision: `Three extra care housing schemes offer older people their own tenancy with care and support on site.`,
    aspirations: `Extra care is an important alternative to residential care. We want more extra care housing at social rent, including specialist provision for people living with dementia.`,
    opportunities: `There are no planned procurements for extra care in the next year. The council is actively looking for sites and is keen to hear from developers and providers.`,
    contacts: `Age Well commissioning team: [agewell.commissioning@eastbrook.example](mailto:agewell.commissioning@eastbrook.example)`,
  },
  care_homes: {
    provision: `The council buys care home places through block contracts for discharge to assess and at usual rates, a residential and nursing framework, and spot purchases. Learning disability residential care is commissioned separately.`,
    aspirations: `We want good quality local care homes that are at the heart of their communities. In particular we want:

- more nursing and dementia nursing capacity in the borough;
- more placements made at our usual rates;
- fewer residents placed outside the borough;
- homes rated Good or Outstanding, working with us on quality improvement.`,
    opportunities: `We will work with current providers to make the best use of block beds and with local providers rated Good or above to secure additional nursing and dementia capacity.`,
    contacts: `Age Well commissioning team: [agewell.commissioning@eastbrook.example](mailto:agewell.commissioning@eastbrook.example)`,
  },
  age_well_day_opportunities: {
    provision: `An older people's day centre supports people with eligible needs, alongside open-access lunch clubs and activities funded through prevention grants.`,
    aspirations: `We want a varied, flexible daytime offer that keeps older people connected and active, and a gold-standard service for people living with dementia.`,
    opportunities: `No procurement is planned in the next year.`,
    contacts: `Age Well commissioning team: [agewell.commissioning@eastbrook.example](mailto:agewell.commissioning@eastbrook.example)`,
  },
  age_well_prevention: {
    provision: `The Age Well prevention service tackles frailty, falls and social isolation and supports people home from hospital. Strength and balance classes, befriending, community meals and a dementia support service complete the offer.`,
    aspirations: `We want to prevent, reduce and delay the need for care: fewer falls, less loneliness and earlier support for people living with dementia and their carers.`,
    opportunities: `The Community Wellness and Empowerment Service (Age Well) is being re-tendered, and the dementia support service will be directly awarded while the pathway is redesigned.`,
    contacts: `Age Well commissioning team: [agewell.commissioning@eastbrook.example](mailto:agewell.commissioning@eastbrook.example)`,
  },
  contacts: {
    overview: `## Opportunities and tenders

Tenders are published on the council's procurement portal. The full list of opportunities coming up, with dates, is on the [opportunities page](/opportunities).

## Commissioning team

To talk to us about anything in this statement, email [commissioning@eastbrook.example](mailto:commissioning@eastbrook.example).

## Useful reports

- Joint Strategic Needs Assessment
- Adult Social Care Commissioning Strategy
- Better Care Fund Plan`,
  },
};
