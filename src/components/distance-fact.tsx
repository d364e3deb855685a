import type { Resource } from '../domain/model/resource.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { useAppStore } from '../store/app-store.ts';
import { selectDistanceTo } from '../store/nearby/nearby-selectors.ts';
import { DistanceText } from './distance-text.tsx';

/** The distance row of a description list (<dt>/<dd>), shown only when there is a reference point. */
export function DistanceFact({ resource }: { resource: Resource }) {
  const { t } = useTranslation();
  const hasDistance = useAppStore((s) => selectDistanceTo(s, resource.id) !== null);
  if (!hasDistance) return null;
  return (
    <>
      <dt>{t('nearby.distance')}</dt>
      <dd>
        <DistanceText resource={resource} />
      </dd>
    </>
  );
}
