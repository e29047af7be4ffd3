export { toSarif, type SarifOptions, type SarifRegion, type SarifRelatedInput, type SarifResultInput } from '../core/report/sarif';
