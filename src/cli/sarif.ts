export { toSarif, type SarifOptions, type SarifRegion, type SarifResultInput } from '../core/report/sarif';
