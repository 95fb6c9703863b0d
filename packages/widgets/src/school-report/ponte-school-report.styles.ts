import { styles as formStyles } from '../form/ponte-form.styles.js';

/** the shared form look; widget-specific rules go here */
export const styles = [...formStyles];
